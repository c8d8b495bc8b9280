import type { Meta, StoryObj } from '@storybook/react-vite';
import { UserPlus, Users } from 'lucide-react';
import { useState, type ComponentProps } from 'react';
import { expect, fn, userEvent, within } from 'storybook/test';
import { memberColumns, members, sortMembers, type Member } from '../../stories/fixtures';
import { Button } from '../Button';
import { EmptyState } from '../EmptyState';
import { Table, type TableSort } from './Table';

type MemberTableProps = Omit<
  ComponentProps<typeof Table<Member>>,
  'sort' | 'onSortChange' | 'selectedIds' | 'onSelectionChange'
>;

function MemberTable(props: MemberTableProps) {
  const [sort, setSort] = useState<TableSort | null>(null);
  const [selectedIds, setSelectedIds] = useState<string[]>([]);
  return (
    <Table<Member>
      {...props}
      rows={sortMembers(props.rows, sort)}
      sort={sort}
      onSortChange={setSort}
      selectedIds={selectedIds}
      onSelectionChange={setSelectedIds}
    />
  );
}

const meta = {
  title: 'Components/Display/Table',
  component: MemberTable,
  args: {
    caption: 'Members',
    columns: memberColumns,
    rows: members.slice(0, 6),
    getRowId: (member: Member) => member.id,
    getRowLabel: (member: Member) => `Select ${member.name}`,
    selectable: true,
  },
} satisfies Meta<typeof MemberTable>;

export default meta;
type Story = StoryObj<typeof meta>;

const firstColumn = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[1]?.textContent);

export const Playground: Story = {};

export const SortByKeyboard: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const table = canvas.getByRole('table', { name: 'Members' });
    const nameHeader = canvas.getByRole('columnheader', { name: /Name/ });
    await expect(nameHeader).toHaveAttribute('aria-sort', 'none');

    // Tab through the scrollable region and the select-all checkbox to the first sort button.
    await userEvent.tab();
    await expect(canvas.getByRole('region', { name: 'Members' })).toHaveFocus();
    await userEvent.tab();
    await userEvent.tab();
    const sortButton = within(nameHeader).getByRole('button', { name: 'Name' });
    await expect(sortButton).toHaveFocus();

    await userEvent.keyboard('{Enter}');
    await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
    const ascending = firstColumn(table);
    await expect(ascending).toEqual([...ascending].sort((a, b) => (a ?? '').localeCompare(b ?? '')));

    await userEvent.keyboard(' ');
    await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
    await expect(firstColumn(table)).toEqual([...ascending].reverse());
  },
};

export const RowSelection: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const selectAll = canvas.getByRole('checkbox', { name: 'Select all rows on this page' });
    await userEvent.click(canvas.getByRole('checkbox', { name: 'Select Ada Lovelace' }));
    await expect(selectAll).toHaveAttribute('aria-checked', 'mixed');
    await userEvent.click(selectAll);
    for (const checkbox of canvas.getAllByRole('checkbox')) {
      await expect(checkbox).toBeChecked();
    }
    await userEvent.click(selectAll);
    await expect(canvas.getByRole('checkbox', { name: 'Select Ada Lovelace' })).not.toBeChecked();
  },
};

export const Loading: Story = {
  args: { loading: true },
  play: async ({ canvasElement }) => {
    const table = within(canvasElement).getByRole('table', { name: 'Members' });
    await expect(table).toHaveAttribute('aria-busy', 'true');
    await expect(within(table).queryByText('Ada Lovelace')).toBeNull();
  },
};

export const Empty: Story = {
  args: {
    rows: [],
    emptyState: (
      <EmptyState
        icon={<Users />}
        headingLevel={3}
        title="No members yet"
        description="Invite people to collaborate in this workspace."
        action={
          <Button variant="primary" icon={<UserPlus />} onClick={fn()}>
            Invite member
          </Button>
        }
      />
    ),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('heading', { name: 'No members yet' })).toBeVisible();
    await expect(canvas.getByRole('checkbox', { name: 'Select all rows on this page' })).toBeDisabled();
  },
};

export const StickyHeader: Story = {
  args: { rows: members, maxHeight: '18rem' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const region = canvas.getByRole('region', { name: 'Members' });
    const header = canvas.getByRole('columnheader', { name: /Email/ });
    region.scrollTop = 200;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    await expect(region.scrollTop).toBe(200);
    // A sticky header sits at the top edge of the scrolled region instead of scrolling out of it.
    const offset = header.getBoundingClientRect().top - region.getBoundingClientRect().top;
    await expect(offset).toBeGreaterThanOrEqual(0);
    await expect(offset).toBeLessThanOrEqual(2);
  },
};

export const LongContent: Story = {
  args: {
    selectable: false,
    rows: [
      {
        ...members[0],
        id: 'long',
        name: 'Maximiliana Alexandrina Konstantinopoulou-Vanderbilt-Fitzgerald',
        email: 'maximiliana.alexandrina.konstantinopoulou@an-unusually-long-domain-name.example.com',
      } as Member,
      ...members.slice(1, 3),
    ],
  },
  decorators: [(Story) => <div style={{ maxInlineSize: '36rem' }}>{Story()}</div>],
};
