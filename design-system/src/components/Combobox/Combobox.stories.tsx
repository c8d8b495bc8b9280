import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, screen, userEvent, waitFor, within } from 'storybook/test';
import { members } from '../../stories/fixtures';
import { FormField } from '../FormField';
import { Combobox } from './Combobox';

const meta = {
  title: 'Components/Forms/Combobox',
  component: Combobox,
  args: {
    options: members.slice(0, 12).map((member, index) => ({
      value: member.id,
      label: member.name,
      disabled: index === 5,
    })),
    placeholder: 'Type a name',
    onValueChange: fn(),
  },
  render: (args) => (
    <FormField label="New owner" hint="They receive every owner permission.">
      <Combobox {...args} />
    </FormField>
  ),
} satisfies Meta<typeof Combobox>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Playground: Story = {
  play: async ({ args, canvasElement }) => {
    const input = within(canvasElement).getByRole('combobox', { name: 'New owner' });
    await expect(input).toHaveAccessibleDescription('They receive every owner permission.');
    await userEvent.tab();
    await expect(input).toHaveFocus();
    await userEvent.keyboard('grace');
    const listbox = await screen.findByRole('listbox');
    await waitFor(() =>
      expect(
        within(listbox)
          .getAllByRole('option')
          .every((option) => option.textContent?.startsWith('Grace')),
      ).toBe(true),
    );
    await userEvent.keyboard('{ArrowDown}{Enter}');
    await expect(args.onValueChange).toHaveBeenCalledWith('usr_002');
    await waitFor(() => expect(screen.queryByRole('listbox')).toBeNull());
    await expect(input).toHaveFocus();
    await expect(input).toHaveValue('Grace Johnson');
  },
};

export const ArrowKeysOpenTheList: Story = {
  play: async ({ args, canvasElement }) => {
    const input = within(canvasElement).getByRole('combobox', { name: 'New owner' });
    input.focus();
    await userEvent.keyboard('{ArrowDown}');
    const listbox = await screen.findByRole('listbox');
    await expect(within(listbox).getAllByRole('option')).toHaveLength(12);
    await userEvent.keyboard('{ArrowDown}{Enter}');
    await expect(args.onValueChange).toHaveBeenCalledWith('usr_002');
  },
};

export const NoResults: Story = {
  play: async ({ args, canvasElement }) => {
    const input = within(canvasElement).getByRole('combobox', { name: 'New owner' });
    await userEvent.click(input);
    await userEvent.keyboard('zzzz');
    await expect(await screen.findByText('No results')).toBeVisible();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('listbox')).toBeNull());
    await expect(args.onValueChange).not.toHaveBeenCalled();
  },
};

export const WithValue: Story = { args: { defaultValue: 'usr_003' } };

export const Disabled: Story = {
  args: { disabled: true, defaultValue: 'usr_001' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('combobox')).toBeDisabled();
  },
};

export const Invalid: Story = {
  render: (args) => (
    <FormField label="New owner" error="Choose a member of this workspace.">
      <Combobox {...args} />
    </FormField>
  ),
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('combobox')).toBeInvalid();
  },
};
