import type { Meta, StoryObj } from '@storybook/react-vite';
import { LogOut, Settings, User } from 'lucide-react';
import { expect, fn, screen, userEvent, waitFor, within } from 'storybook/test';
import { UserMenu } from './UserMenu';

const onSignOut = fn();

const meta = {
  title: 'Components/Navigation/UserMenu',
  component: UserMenu,
  args: {
    name: 'Ada Lovelace',
    email: 'ada@example.com',
    items: [
      { label: 'Profile', icon: <User />, onSelect: fn() },
      { label: 'Preferences', icon: <Settings />, onSelect: fn() },
      { type: 'separator' },
      { label: 'Sign out', icon: <LogOut />, onSelect: onSignOut },
    ],
  },
  parameters: { layout: 'centered' },
} satisfies Meta<typeof UserMenu>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Playground: Story = {
  play: async ({ canvasElement }) => {
    const trigger = within(canvasElement).getByRole('button', { name: 'Account menu for Ada Lovelace' });
    await userEvent.tab();
    await expect(trigger).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}');
    const menu = await screen.findByRole('menu');
    await expect(within(menu).getByText('ada@example.com')).toBeVisible();
    await waitFor(() => expect(within(menu).getByRole('menuitem', { name: 'Profile' })).toHaveFocus());
    await userEvent.keyboard('{End}{Enter}');
    await expect(onSignOut).toHaveBeenCalledOnce();
    await waitFor(() => expect(screen.queryByRole('menu')).toBeNull());
  },
};

export const LongIdentity: Story = {
  args: {
    name: 'Maximiliana Alexandrina Konstantinopoulou-Vanderbilt',
    email: 'maximiliana.alexandrina.konstantinopoulou@an-unusually-long-domain-name.example.com',
  },
};
