import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { Tabs } from './Tabs';

const meta = {
  title: 'Components/Navigation/Tabs',
  component: Tabs,
  args: {
    'aria-label': 'Workspace settings',
    onValueChange: fn(),
    items: [
      { value: 'general', label: 'General', content: 'Name, URL and logo.' },
      { value: 'members', label: 'Members', content: 'People in this workspace.' },
      { value: 'billing', label: 'Billing', content: 'Plan and invoices.', disabled: true },
      { value: 'audit', label: 'Audit log', content: 'Who did what, and when.' },
    ],
  },
} satisfies Meta<typeof Tabs>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Playground: Story = {
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.tab();
    await expect(canvas.getByRole('tab', { name: 'General' })).toHaveFocus();
    await userEvent.keyboard('{ArrowRight}');
    await expect(canvas.getByRole('tab', { name: 'Members' })).toHaveAttribute('aria-selected', 'true');
    await expect(args.onValueChange).toHaveBeenLastCalledWith('members');
    await userEvent.keyboard('{ArrowRight}');
    await expect(canvas.getByRole('tab', { name: 'Audit log' })).toHaveFocus();
    await expect(canvas.getByRole('tabpanel')).toHaveTextContent('Who did what, and when.');
  },
};

export const ManyTabs: Story = {
  args: {
    items: Array.from({ length: 12 }, (_, index) => ({
      value: `tab-${index}`,
      label: `Environment ${index + 1}`,
      content: `Settings for environment ${index + 1}.`,
    })),
  },
  decorators: [(Story) => <div style={{ maxInlineSize: '22.5rem' }}>{Story()}</div>],
};
