import type { Meta, StoryObj } from '@storybook/react-vite';
import { Search } from 'lucide-react';
import { expect, userEvent, within } from 'storybook/test';
import { FormField } from '../FormField';
import { TextField } from './TextField';

const meta = {
  title: 'Components/Forms/TextField',
  component: TextField,
  args: { placeholder: 'name@company.com', type: 'email', size: 'md' },
  render: (args) => (
    <FormField label="Email address">
      <TextField {...args} />
    </FormField>
  ),
} satisfies Meta<typeof TextField>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Playground: Story = {
  play: async ({ canvasElement }) => {
    const input = within(canvasElement).getByRole('textbox', { name: 'Email address' });
    await userEvent.tab();
    await expect(input).toHaveFocus();
    await userEvent.keyboard('ada@example.com');
    await expect(input).toHaveValue('ada@example.com');
  },
};

export const WithIcon: Story = {
  args: { type: 'search', leadingIcon: <Search />, placeholder: 'Search members' },
  render: (args) => <TextField {...args} aria-label="Search members" />,
};

export const Disabled: Story = {
  args: { disabled: true, defaultValue: 'owner@acme.test' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('textbox')).toBeDisabled();
  },
};

export const Invalid: Story = {
  render: (args) => (
    <FormField label="Email address" error="Enter an address like name@company.com.">
      <TextField {...args} defaultValue="ada@" />
    </FormField>
  ),
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('textbox')).toBeInvalid();
  },
};

export const Small: Story = { args: { size: 'sm' } };
