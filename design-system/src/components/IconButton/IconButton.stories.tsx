import type { Meta, StoryObj } from '@storybook/react-vite';
import { Pencil, Settings, Trash2 } from 'lucide-react';
import { expect, fn, userEvent, within } from 'storybook/test';
import { IconButton } from './IconButton';

const meta = {
  title: 'Components/Actions/IconButton',
  component: IconButton,
  args: { icon: <Settings />, label: 'Workspace settings', onClick: fn() },
} satisfies Meta<typeof IconButton>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Playground: Story = {
  play: async ({ args, canvasElement }) => {
    const button = within(canvasElement).getByRole('button', { name: 'Workspace settings' });
    await userEvent.tab();
    await expect(button).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect(args.onClick).toHaveBeenCalledOnce();
  },
};

export const Variants: Story = {
  render: (args) => (
    <div style={{ display: 'flex', gap: 'var(--ds-space-3)' }}>
      <IconButton {...args} variant="ghost" icon={<Pencil />} label="Edit" />
      <IconButton {...args} variant="secondary" icon={<Settings />} label="Settings" />
      <IconButton {...args} variant="primary" icon={<Pencil />} label="Rename" />
      <IconButton {...args} variant="danger" icon={<Trash2 />} label="Delete" />
    </div>
  ),
};

export const Loading: Story = {
  args: { loading: true },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('button')).toHaveAttribute('aria-busy', 'true');
  },
};

export const Disabled: Story = { args: { disabled: true } };
