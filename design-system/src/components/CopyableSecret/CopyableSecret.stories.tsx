import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { CopyableSecret } from './CopyableSecret';

const token = 'bst_live_4f9a8c2e71d04b6f9e3a5c7d1b2e8f60';

const meta = {
  title: 'Components/Display/CopyableSecret',
  component: CopyableSecret,
  args: { label: 'API token', value: token, copy: fn(async () => undefined), onCopied: fn() },
} satisfies Meta<typeof CopyableSecret>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Playground: Story = {
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText(token)).toBeVisible();
    await userEvent.tab();
    await expect(canvas.getByRole('button', { name: 'Copy to clipboard' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect(args.copy).toHaveBeenCalledWith(token);
    await expect(await canvas.findByRole('status')).toHaveTextContent('Copied to clipboard');
    await expect(args.onCopied).toHaveBeenCalledOnce();
  },
};

export const CopyFails: Story = {
  args: { copy: fn(async () => Promise.reject(new Error('denied'))) },
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Copy to clipboard' }));
    await expect(await canvas.findByText(/Could not copy/)).toBeVisible();
    await expect(args.onCopied).not.toHaveBeenCalled();
  },
};

export const Masked: Story = {
  args: { masked: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.queryByText(token)).toBeNull();
    await userEvent.click(canvas.getByRole('button', { name: 'Show secret' }));
    await expect(canvas.getByText(token)).toBeVisible();
  },
};

export const LongValue: Story = { args: { value: `${token}${'a1b2c3d4'.repeat(16)}` } };
