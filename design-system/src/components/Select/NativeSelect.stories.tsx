import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { FormField } from '../FormField';
import { Table } from '../Table';
import { NativeSelect } from './NativeSelect';

const roles = [
  { value: 'owner', label: 'Owner' },
  { value: 'admin', label: 'Administrator' },
  { value: 'member', label: 'Member' },
  { value: 'viewer', label: 'Viewer', disabled: true },
];

const meta = {
  title: 'Components/Forms/NativeSelect',
  component: NativeSelect,
  args: { options: roles, defaultValue: 'member', onValueChange: fn() },
  render: (args) => (
    <FormField label="Role" hint="Owners can delete the workspace.">
      <NativeSelect {...args} />
    </FormField>
  ),
} satisfies Meta<typeof NativeSelect>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Playground: Story = {
  play: async ({ args, canvasElement }) => {
    const select = within(canvasElement).getByRole('combobox', { name: 'Role' });
    await expect(select).toHaveAccessibleDescription('Owners can delete the workspace.');
    await userEvent.selectOptions(select, 'admin');
    await expect(args.onValueChange).toHaveBeenCalledWith('admin');
    await expect(select).toHaveValue('admin');
  },
};

export const Small: Story = { args: { size: 'sm' } };

export const Disabled: Story = { args: { disabled: true, defaultValue: 'owner' } };

export const Invalid: Story = {
  render: (args) => (
    <FormField label="Role" error="Choose a role for the new member.">
      <NativeSelect {...args} />
    </FormField>
  ),
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('combobox', { name: 'Role' })).toBeInvalid();
  },
};

const people = [
  { id: '1', name: 'Ada Lovelace', role: 'owner' },
  { id: '2', name: 'Grace Hopper', role: 'admin' },
  { id: '3', name: 'Alan Turing', role: 'member' },
];

/** One per table row, where a screen shows many at once: the case it exists for. */
export const InATable: Story = {
  render: (args) => (
    <Table
      caption="Members"
      rows={people}
      getRowId={(person) => person.id}
      columns={[
        { id: 'name', header: 'Name', cell: (person) => person.name },
        {
          id: 'role',
          header: 'Role',
          cell: (person) => (
            <NativeSelect
              {...args}
              size="sm"
              aria-label={`Role of ${person.name}`}
              defaultValue={person.role}
            />
          ),
        },
      ]}
    />
  ),
  play: async ({ args, canvasElement }) => {
    const grace = within(canvasElement).getByRole('combobox', { name: 'Role of Grace Hopper' });
    await expect(grace).toHaveValue('admin');
    await userEvent.selectOptions(grace, 'member');
    await expect(args.onValueChange).toHaveBeenCalledWith('member');
  },
};
