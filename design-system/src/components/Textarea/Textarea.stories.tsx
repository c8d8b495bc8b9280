import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { FormField } from '../FormField';
import { Textarea } from './Textarea';

const meta = {
  title: 'Components/Forms/Textarea',
  component: Textarea,
  args: { rows: 4, placeholder: 'What does this workspace do?' },
  render: (args) => (
    <FormField label="Description" hint="Markdown is not rendered.">
      <Textarea {...args} />
    </FormField>
  ),
} satisfies Meta<typeof Textarea>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Playground: Story = {
  play: async ({ canvasElement }) => {
    const textarea = within(canvasElement).getByRole('textbox', { name: 'Description' });
    await userEvent.click(textarea);
    await userEvent.keyboard('Line one{Enter}Line two');
    await expect(textarea).toHaveValue('Line one\nLine two');
  },
};

export const Disabled: Story = { args: { disabled: true, defaultValue: 'Read-only description' } };

export const Invalid: Story = {
  render: (args) => (
    <FormField label="Description" error="Keep it under 500 characters.">
      <Textarea {...args} defaultValue={'A very long description. '.repeat(30)} />
    </FormField>
  ),
};
