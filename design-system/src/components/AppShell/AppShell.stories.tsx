import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { adminSections } from '../../stories/navigation';
import { PageHeader } from '../PageHeader';
import { SideNav } from '../SideNav';
import { TopBar } from '../TopBar';
import { AppShell } from './AppShell';

const meta = {
  title: 'Components/Layout/AppShell',
  component: AppShell,
  parameters: { layout: 'fullscreen' },
  args: {
    sidebarHeader: <strong>Bastion</strong>,
    sidebar: (
      <SideNav
        sections={adminSections}
        activeId="dashboard"
        onNavigate={(_item, event) => event.preventDefault()}
      />
    ),
    topBar: <TopBar start={<span>Acme</span>} />,
    children: <PageHeader title="Dashboard" description="What happened in this workspace today." />,
    onSidebarCollapsedChange: fn(),
  },
} satisfies Meta<typeof AppShell>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Playground: Story = {
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('complementary', { name: 'Sidebar' })).toBeVisible();
    const toggle = canvas.getByRole('button', { name: 'Collapse sidebar' });
    toggle.focus();
    await userEvent.keyboard('{Enter}');
    await expect(args.onSidebarCollapsedChange).toHaveBeenCalledWith(true);
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    const sidebar = canvas.getByRole('complementary', { name: 'Sidebar' });
    await expect(sidebar.getBoundingClientRect().width).toBeLessThan(100);
    await expect(within(sidebar).getByRole('link', { name: 'Members' })).toBeVisible();
  },
};

export const Collapsed: Story = { args: { defaultSidebarCollapsed: true } };

export const LongContent: Story = {
  args: {
    children: (
      <>
        <PageHeader title="Audit log" />
        {Array.from({ length: 40 }, (_, index) => (
          <p key={index}>Event {index + 1}: a member changed a role.</p>
        ))}
      </>
    ),
  },
};
