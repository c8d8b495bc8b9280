import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { Pagination } from './Pagination';

const meta = {
  title: 'Components/Navigation/Pagination',
  component: Pagination,
  args: { hasPrevious: true, hasNext: true, onPrevious: fn(), onNext: fn(), summary: 'Showing 21–40' },
} satisfies Meta<typeof Pagination>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Playground: Story = {
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('navigation', { name: 'Pagination' })).toBeVisible();
    await userEvent.tab();
    await expect(canvas.getByRole('button', { name: 'Previous' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await userEvent.tab();
    await userEvent.keyboard('{Enter}');
    await expect(args.onPrevious).toHaveBeenCalledOnce();
    await expect(args.onNext).toHaveBeenCalledOnce();
  },
};

export const FirstPage: Story = {
  args: { hasPrevious: false, summary: 'Showing 1–20' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('button', { name: 'Previous' })).toBeDisabled();
  },
};

export const LastPage: Story = { args: { hasNext: false, summary: 'Showing 41–47' } };

export const Loading: Story = { args: { loading: true } };

export const RightToLeft: Story = {
  args: { summary: 'عرض ٢١–٤٠' },
  decorators: [(Story) => <div dir="rtl">{Story()}</div>],
};
