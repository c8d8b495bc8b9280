import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { FormField } from '../FormField';
import { RadioGroup } from './RadioGroup';

const meta = {
  title: 'Components/Forms/RadioGroup',
  component: RadioGroup,
  args: {
    defaultValue: 'member',
    onValueChange: fn(),
    options: [
      { value: 'admin', label: 'Administrator', description: 'Manages members, roles and billing.' },
      { value: 'member', label: 'Member', description: 'Works in projects they are added to.' },
      { value: 'viewer', label: 'Viewer', description: 'Reads everything, changes nothing.' },
    ],
  },
  render: (args) => (
    <FormField label="Role">
      <RadioGroup {...args} />
    </FormField>
  ),
} satisfies Meta<typeof RadioGroup>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Playground: Story = {
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('radiogroup', { name: 'Role' })).toBeVisible();
    await userEvent.tab();
    await expect(canvas.getByRole('radio', { name: 'Member' })).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}');
    await expect(canvas.getByRole('radio', { name: 'Viewer' })).toHaveFocus();
    await userEvent.keyboard(' ');
    await expect(canvas.getByRole('radio', { name: 'Viewer' })).toBeChecked();
    await expect(args.onValueChange).toHaveBeenLastCalledWith('viewer');
    await userEvent.keyboard('{ArrowUp}{ArrowUp} ');
    await expect(canvas.getByRole('radio', { name: 'Administrator' })).toHaveFocus();
    await expect(canvas.getByRole('radio', { name: 'Administrator' })).toBeChecked();
  },
};

export const Horizontal: Story = { args: { orientation: 'horizontal' } };

export const WithDisabledOption: Story = {
  args: {
    options: [
      { value: 'admin', label: 'Administrator' },
      { value: 'member', label: 'Member' },
      { value: 'owner', label: 'Owner (only one per workspace)', disabled: true },
    ],
  },
};
