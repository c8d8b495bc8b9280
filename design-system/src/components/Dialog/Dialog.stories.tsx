import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, screen, userEvent, waitFor, within } from 'storybook/test';
import { Button } from '../Button';
import { FormField } from '../FormField';
import { TextField } from '../TextField';
import { Dialog, DialogClose } from './Dialog';

const meta = {
  title: 'Components/Overlays/Dialog',
  component: Dialog,
  args: {
    title: 'Rename workspace',
    description: 'Members see the new name immediately.',
    trigger: <Button>Rename</Button>,
    children: (
      <FormField label="Name">
        <TextField defaultValue="Acme" />
      </FormField>
    ),
    footer: (
      <>
        <DialogClose asChild>
          <Button>Cancel</Button>
        </DialogClose>
        <Button variant="primary">Save</Button>
      </>
    ),
  },
} satisfies Meta<typeof Dialog>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Playground: Story = {
  play: async ({ canvasElement }) => {
    const trigger = within(canvasElement).getByRole('button', { name: 'Rename' });
    await userEvent.tab();
    await userEvent.keyboard('{Enter}');

    const dialog = await screen.findByRole('dialog', { name: 'Rename workspace' });
    await expect(dialog).toHaveAccessibleDescription('Members see the new name immediately.');
    const input = within(dialog).getByRole('textbox', { name: 'Name' });
    await waitFor(() => expect(dialog.contains(document.activeElement)).toBe(true));

    // Cycle through every tabbable element and beyond: focus must never leave the dialog.
    for (let step = 0; step < 6; step += 1) {
      await userEvent.tab();
      await expect(dialog.contains(document.activeElement)).toBe(true);
    }
    for (let step = 0; step < 6; step += 1) {
      await userEvent.tab({ shift: true });
      await expect(dialog.contains(document.activeElement)).toBe(true);
    }

    await userEvent.click(input);
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await expect(trigger).toHaveFocus();
  },
};

export const CancelRestoresFocus: Story = {
  play: async ({ canvasElement }) => {
    const trigger = within(canvasElement).getByRole('button', { name: 'Rename' });
    await userEvent.click(trigger);
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await expect(trigger).toHaveFocus();
  },
};

export const Open: Story = { args: { open: true, trigger: undefined } };

export const LongContent: Story = {
  args: {
    open: true,
    trigger: undefined,
    title: 'Transfer ownership of “Acme Corporation International Holdings Europe”',
    children: <p>{'You will become an administrator and lose access to billing. '.repeat(20)}</p>,
  },
};
