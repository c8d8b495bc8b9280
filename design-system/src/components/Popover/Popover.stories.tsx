import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, screen, userEvent, waitFor, within } from 'storybook/test';
import { Button } from '../Button';
import { FormField } from '../FormField';
import { TextField } from '../TextField';
import { Popover } from './Popover';

const meta = {
  title: 'Components/Overlays/Popover',
  component: Popover,
  args: {
    title: 'Filter members',
    trigger: <Button>Filters</Button>,
    children: (
      <FormField label="Email domain">
        <TextField placeholder="example.com" />
      </FormField>
    ),
  },
} satisfies Meta<typeof Popover>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Playground: Story = {
  play: async ({ canvasElement }) => {
    const trigger = within(canvasElement).getByRole('button', { name: 'Filters' });
    await userEvent.tab();
    await userEvent.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog', { name: 'Filter members' });
    await expect(dialog).toBeVisible();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await expect(trigger).toHaveFocus();
  },
};

export const WithoutTitle: Story = {
  args: { title: undefined, 'aria-label': 'Column options', children: 'Drag columns to reorder them.' },
};
