import type { Meta, StoryObj } from '@storybook/react-vite';
import { Copy, MoreHorizontal, Pencil, Trash2 } from 'lucide-react';
import { expect, fn, screen, userEvent, waitFor, within } from 'storybook/test';
import { IconButton } from '../IconButton';
import { DropdownMenu } from './DropdownMenu';

const onRename = fn();
const onDuplicate = fn();
const onDelete = fn();

const meta = {
  title: 'Components/Overlays/DropdownMenu',
  component: DropdownMenu,
  args: {
    trigger: <IconButton icon={<MoreHorizontal />} label="Project actions" variant="secondary" />,
    items: [
      { type: 'label', label: 'Project' },
      { label: 'Rename', icon: <Pencil />, onSelect: onRename, shortcut: 'R' },
      { label: 'Duplicate', icon: <Copy />, onSelect: onDuplicate },
      { label: 'Archive', onSelect: fn(), disabled: true },
      { type: 'separator' },
      { label: 'Delete', icon: <Trash2 />, onSelect: onDelete, tone: 'danger' },
    ],
  },
  parameters: { layout: 'centered' },
} satisfies Meta<typeof DropdownMenu>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Playground: Story = {
  play: async ({ canvasElement }) => {
    const trigger = within(canvasElement).getByRole('button', { name: 'Project actions' });
    await userEvent.tab();
    await userEvent.keyboard('{Enter}');
    const menu = await screen.findByRole('menu');
    await waitFor(() => expect(within(menu).getByRole('menuitem', { name: 'Rename' })).toHaveFocus());
    await userEvent.keyboard('{ArrowDown}');
    await expect(within(menu).getByRole('menuitem', { name: 'Duplicate' })).toHaveFocus();
    // Archive is disabled, so the arrow skips it instead of stopping on an item that does nothing.
    await userEvent.keyboard('{ArrowDown}');
    await expect(within(menu).getByRole('menuitem', { name: 'Delete' })).toHaveFocus();
    await userEvent.keyboard('{ArrowUp}{Enter}');
    await expect(onDuplicate).toHaveBeenCalledOnce();
    await waitFor(() => expect(screen.queryByRole('menu')).toBeNull());
    await expect(trigger).toHaveFocus();
  },
};

export const EscapeCloses: Story = {
  play: async ({ canvasElement }) => {
    const trigger = within(canvasElement).getByRole('button', { name: 'Project actions' });
    trigger.focus();
    await userEvent.keyboard('{Enter}');
    await screen.findByRole('menu');
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('menu')).toBeNull());
    await expect(trigger).toHaveFocus();
    await expect(onDelete).not.toHaveBeenCalled();
  },
};
