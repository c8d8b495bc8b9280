import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { Button } from '../Button';
import { FormField } from '../FormField';
import { TextField } from '../TextField';
import { Inline, Stack } from './Stack';

const meta = {
  title: 'Components/Layout/Stack',
  component: Stack,
  args: { gap: '4' },
  render: (args) => (
    <Stack {...args} as="form" aria-label="Invite a member">
      <FormField label="Email address">
        <TextField type="email" />
      </FormField>
      <FormField label="Display name">
        <TextField />
      </FormField>
      <Inline justify="end">
        <Button>Cancel</Button>
        <Button variant="primary" type="submit">
          Send invitation
        </Button>
      </Inline>
    </Stack>
  ),
} satisfies Meta<typeof Stack>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Playground: Story = {
  play: async ({ canvasElement }) => {
    const form = within(canvasElement).getByRole('form', { name: 'Invite a member' });
    await expect(getComputedStyle(form).rowGap).toBe('16px');
  },
};

export const Tight: Story = { args: { gap: '2' } };

export const InlineWrapping: Story = {
  render: () => (
    <div style={{ maxInlineSize: '14rem' }}>
      <Inline gap="2">
        {['Owner', 'Administrator', 'Member', 'Viewer', 'Billing'].map((role) => (
          <Button key={role} size="sm">
            {role}
          </Button>
        ))}
      </Inline>
    </div>
  ),
};
