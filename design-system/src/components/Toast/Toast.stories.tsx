import type { Meta, StoryObj } from '@storybook/react-vite';
import { useRef } from 'react';
import { expect, screen, userEvent, waitFor, within } from 'storybook/test';
import { Button } from '../Button';
import { ToastProvider, useToast, type ToastOptions } from './Toast';

function Trigger({ options, label = 'Show toast' }: { options: ToastOptions; label?: string }) {
  const { toast } = useToast();
  const count = useRef(0);
  return (
    <Button
      onClick={() => {
        count.current += 1;
        toast({ ...options, title: `${options.title} ${count.current}` });
      }}
    >
      {label}
    </Button>
  );
}

const meta = {
  title: 'Components/Feedback/Toast',
  component: ToastProvider,
  args: { duration: 5000, maxVisible: 3, children: null },
  render: (args) => (
    <ToastProvider {...args}>
      <Trigger
        options={{
          title: 'Invitation sent',
          description: 'ada@example.com will get an email.',
          tone: 'success',
        }}
      />
    </ToastProvider>
  ),
} satisfies Meta<typeof ToastProvider>;

export default meta;
type Story = StoryObj<typeof meta>;

const toasts = () => within(screen.getByRole('region', { name: /Notifications/ })).queryAllByRole('listitem');

export const Playground: Story = {
  play: async ({ canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Show toast' }));
    await waitFor(() => expect(toasts()).toHaveLength(1));
    await expect(toasts()[0]).toHaveTextContent('Invitation sent 1');
  },
};

export const Queue: Story = {
  play: async ({ canvasElement }) => {
    const button = within(canvasElement).getByRole('button', { name: 'Show toast' });
    for (let index = 0; index < 5; index += 1) {
      await userEvent.click(button);
    }
    await waitFor(() => expect(toasts()).toHaveLength(3));
    await userEvent.click(
      within(toasts()[0] as HTMLElement).getByRole('button', { name: 'Dismiss notification' }),
    );
    await waitFor(() =>
      expect(toasts().map((toast) => toast.textContent)).toContain(
        'Invitation sent 4ada@example.com will get an email.',
      ),
    );
  },
};

export const AutoDismissPausesOnHover: Story = {
  args: { duration: 400 },
  play: async ({ canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Show toast' }));
    await waitFor(() => expect(toasts()).toHaveLength(1));
    await userEvent.hover(toasts()[0] as HTMLElement);
    await new Promise((resolve) => setTimeout(resolve, 800));
    await expect(toasts()).toHaveLength(1);
    await userEvent.unhover(toasts()[0] as HTMLElement);
    await waitFor(() => expect(toasts()).toHaveLength(0), { timeout: 2000 });
  },
};

export const Tones: Story = {
  render: (args) => (
    <ToastProvider {...args} duration={60_000} maxVisible={4}>
      <div style={{ display: 'flex', gap: 'var(--ds-space-2)', flexWrap: 'wrap' }}>
        <Trigger label="Info" options={{ title: 'Export started', tone: 'info' }} />
        <Trigger label="Success" options={{ title: 'Role updated', tone: 'success' }} />
        <Trigger label="Warning" options={{ title: 'Seat limit almost reached', tone: 'warning' }} />
        <Trigger
          label="Danger"
          options={{
            title: 'Could not remove member',
            tone: 'danger',
            action: { label: 'Retry', altText: 'Retry from the members table', onClick: () => undefined },
          }}
        />
      </div>
    </ToastProvider>
  ),
  play: async ({ canvasElement }) => {
    for (const name of ['Info', 'Success', 'Warning', 'Danger']) {
      await userEvent.click(within(canvasElement).getByRole('button', { name }));
    }
    await waitFor(() => expect(toasts()).toHaveLength(4));
  },
};
