import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { TextField } from '../TextField';
import { FormField } from './FormField';

const meta = {
  title: 'Components/Forms/FormField',
  component: FormField,
  args: {
    label: 'Workspace name',
    hint: 'Shown to every member and in invitation emails.',
    children: <TextField defaultValue="Acme" />,
  },
} satisfies Meta<typeof FormField>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Playground: Story = {
  play: async ({ canvasElement }) => {
    const input = within(canvasElement).getByRole('textbox', { name: 'Workspace name' });
    await expect(input).toHaveAccessibleDescription('Shown to every member and in invitation emails.');
    await userEvent.click(within(canvasElement).getByText('Workspace name'));
    await expect(input).toHaveFocus();
  },
};

export const WithError: Story = {
  args: { error: 'A workspace with this name already exists.', required: true },
  play: async ({ canvasElement }) => {
    const input = within(canvasElement).getByRole('textbox', { name: 'Workspace name' });
    await expect(input).toBeInvalid();
    await expect(input).toBeRequired();
    await expect(input).toHaveAccessibleDescription(
      'Shown to every member and in invitation emails. A workspace with this name already exists.',
    );
  },
};

export const LongContent: Story = {
  args: {
    label: 'Default role for members who join through a domain-verified single sign-on connection',
    hint: 'Applies to every new member who signs in with an address at a verified domain, until an owner changes their role by hand.',
    error:
      'Choose a role that exists in this workspace; the one selected before was removed by another administrator.',
  },
};
