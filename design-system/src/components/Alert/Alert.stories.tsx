import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { Button } from '../Button';
import { Alert } from './Alert';

const meta = {
  title: 'Components/Feedback/Alert',
  component: Alert,
  args: {
    tone: 'info',
    title: 'Scheduled maintenance',
    children: 'Sign-in will be unavailable on Sunday from 02:00 to 02:30 UTC.',
  },
} satisfies Meta<typeof Alert>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Playground: Story = {};

export const Tones: Story = {
  render: (args) => (
    <div style={{ display: 'grid', gap: 'var(--ds-space-3)' }}>
      <Alert {...args} tone="info" title="Information" />
      <Alert {...args} tone="success" title="Invitation sent" />
      <Alert {...args} tone="warning" title="Your trial ends in 3 days" />
      <Alert {...args} tone="danger" title="Payment failed" />
    </div>
  ),
};

export const Announced: Story = {
  args: { tone: 'danger', announce: true, title: 'Could not save', children: 'The server is unreachable.' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('alert')).toHaveTextContent('Could not save');
  },
};

export const Dismissible: Story = {
  args: { onDismiss: fn(), actions: <Button size="sm">Review</Button> },
  play: async ({ args, canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Dismiss' }));
    await expect(args.onDismiss).toHaveBeenCalledOnce();
  },
};

export const Banner: Story = { args: { layout: 'banner', tone: 'warning', title: 'Read-only mode' } };

export const LongContent: Story = {
  args: {
    title:
      'Several members could not be invited because their addresses belong to a domain outside your allow-list',
    children: 'rejected-address-number-one@an-unusually-long-subdomain.example-corporation.com '.repeat(4),
  },
};
