import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { Button } from '../Button';
import { Card } from './Card';

const meta = {
  title: 'Components/Display/Card',
  component: Card,
  args: {
    title: 'Single sign-on',
    description: 'Let members sign in with your identity provider.',
    actions: <Button size="sm">Configure</Button>,
    children: 'No identity provider is connected yet.',
  },
} satisfies Meta<typeof Card>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Playground: Story = {
  play: async ({ canvasElement }) => {
    const region = within(canvasElement).getByRole('region', { name: 'Single sign-on' });
    await expect(within(region).getByRole('heading', { level: 2 })).toHaveTextContent('Single sign-on');
  },
};

export const BodyOnly: Story = { args: { title: undefined, description: undefined, actions: undefined } };

export const LongContent: Story = {
  args: {
    title: 'Audit log retention for workspaces on the enterprise plan with extended compliance requirements',
    children: 'Events are kept for 400 days. '.repeat(12),
  },
  decorators: [(Story) => <div style={{ maxInlineSize: '22rem' }}>{Story()}</div>],
};
