import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, screen, userEvent, waitFor, within } from 'storybook/test';
import { preloadWorkspaceSwitcherList } from '../components/WorkspaceSwitcher/WorkspaceSwitcher';
import { AdminScreen } from './AdminScreen';

const meta = {
  title: 'Patterns/Admin screen',
  component: AdminScreen,
  parameters: { layout: 'fullscreen' },
  args: { loading: false, empty: false, defaultSidebarCollapsed: false },
  // The workspace switcher's list is there before the first play step, as in WorkspaceSwitcher's stories.
  loaders: [preloadWorkspaceSwitcherList],
} satisfies Meta<typeof AdminScreen>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Playground: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('main')).toBeVisible();
    await expect(canvas.getByRole('navigation', { name: 'Main' })).toBeVisible();
    await expect(canvas.getByRole('table', { name: 'Members' })).toBeVisible();
  },
};

export const SwitchWorkspaceThenSort: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: /^Switch workspace, current: ?Acme$/ }));
    await screen.findByRole('searchbox', { name: 'Find a workspace' });
    await userEvent.keyboard('initech{Enter}');
    await expect(
      await canvas.findByRole('button', { name: /^Switch workspace, current: ?Initech$/ }),
    ).toHaveFocus();
    await expect(canvas.getByRole('navigation', { name: 'Breadcrumb' })).toHaveTextContent('Initech');

    const roleHeader = canvas.getByRole('columnheader', { name: /Role/ });
    within(roleHeader).getByRole('button').focus();
    await userEvent.keyboard('{Enter}');
    await expect(roleHeader).toHaveAttribute('aria-sort', 'ascending');
  },
};

export const SkipLinkAndCollapse: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.tab();
    const skip = canvas.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toHaveFocus();

    const toggle = canvas.getByRole('button', { name: 'Collapse sidebar' });
    await userEvent.click(toggle);
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(toggle).toHaveAccessibleName('Expand sidebar');
    const dashboard = canvas.getByRole('link', { name: 'Dashboard' });
    dashboard.focus();
    await waitFor(async () => expect(await screen.findByRole('tooltip')).toHaveTextContent('Dashboard'));
  },
};

export const Loading: Story = { args: { loading: true } };

export const Empty: Story = { args: { empty: true } };
