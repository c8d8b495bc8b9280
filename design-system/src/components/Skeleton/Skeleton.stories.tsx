import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { Skeleton } from './Skeleton';

const meta = {
  title: 'Components/Feedback/Skeleton',
  component: Skeleton,
  args: { width: '12rem', height: '1em', shape: 'text' },
} satisfies Meta<typeof Skeleton>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Playground: Story = {
  play: async ({ canvasElement }) => {
    const skeleton = canvasElement.querySelector('[data-shape]');
    await expect(skeleton).toHaveAttribute('aria-hidden', 'true');
    await expect(getComputedStyle(skeleton as Element).width).toBe('192px');
  },
};

export const ProfilePlaceholder: Story = {
  render: () => (
    <div
      aria-busy="true"
      aria-label="Loading profile"
      role="group"
      style={{ display: 'flex', gap: 'var(--ds-space-3)' }}
    >
      <Skeleton shape="circle" width="2.75rem" height="2.75rem" />
      <div style={{ display: 'grid', gap: 'var(--ds-space-2)', flex: 1 }}>
        <Skeleton width="40%" />
        <Skeleton width="70%" />
      </div>
    </div>
  ),
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('group', { name: 'Loading profile' })).toHaveAttribute(
      'aria-busy',
      'true',
    );
  },
};

export const Block: Story = { args: { shape: 'block', width: '100%', height: '8rem' } };
