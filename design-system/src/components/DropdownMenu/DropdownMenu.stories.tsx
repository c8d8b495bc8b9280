import type { Meta, StoryObj } from '@storybook/react-vite';
import { Copy, MoreHorizontal, Pencil, Trash2 } from 'lucide-react';
import { expect, fn, screen, userEvent, waitFor, within } from 'storybook/test';
import { Dialog } from '../Dialog';
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

/** The element a real pointer would hit at the middle of `element`. */
function hitAtCentre(element: Element): Element | null {
  const box = element.getBoundingClientRect();
  return element.ownerDocument.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
}

export const InsideADialog: Story = {
  parameters: { layout: 'padded' },
  render: (args) => (
    <Dialog open title="Project settings" description="Actions on this project.">
      <DropdownMenu {...args} />
    </Dialog>
  ),
  play: async () => {
    const dialog = await screen.findByRole('dialog', { name: 'Project settings' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Project actions' }));
    const menu = await screen.findByRole('menu');
    const rename = within(menu).getByRole('menuitem', { name: 'Rename' });
    // Opening is not enough: the menu must sit above the dialog's overlay, where a pointer reaches it.
    await waitFor(() => expect(rename.contains(hitAtCentre(rename))).toBe(true));
    await userEvent.click(rename);
    await expect(onRename).toHaveBeenCalled();
  },
};
