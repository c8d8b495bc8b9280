import type { Meta, StoryObj } from '@storybook/react-vite';
import { ShieldCheck } from 'lucide-react';
import { expect, within } from 'storybook/test';
import { Badge } from './Badge';

const meta = {
  title: 'Components/Display/Badge',
  component: Badge,
  args: { children: 'Administrator', tone: 'neutral' },
} satisfies Meta<typeof Badge>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Playground: Story = {
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('Administrator')).toHaveAttribute('data-tone', 'neutral');
  },
};

export const Tones: Story = {
  render: () => (
    <div style={{ display: 'flex', gap: 'var(--ds-space-2)', flexWrap: 'wrap' }}>
      <Badge tone="neutral">Invited</Badge>
      <Badge tone="info">Owner</Badge>
      <Badge tone="success" icon={<ShieldCheck />}>
        2FA on
      </Badge>
      <Badge tone="warning">Expires soon</Badge>
      <Badge tone="danger">Suspended</Badge>
    </div>
  ),
};

export const LongContent: Story = {
  args: { children: 'Custom role with a very long name that must not break the table layout' },
  decorators: [(Story) => <div style={{ maxInlineSize: '12rem' }}>{Story()}</div>],
};
