import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, screen, userEvent, within } from 'storybook/test';
import { adminSections } from '../../stories/navigation';
import { Badge } from '../Badge';
import { SideNav } from './SideNav';

const meta = {
  title: 'Components/Navigation/SideNav',
  component: SideNav,
  args: {
    sections: adminSections,
    activeId: 'members',
    onNavigate: fn((_item, event) => event.preventDefault()),
  },
  decorators: [(Story) => <div style={{ maxInlineSize: 'var(--ds-size-sidebar-width)' }}>{Story()}</div>],
} satisfies Meta<typeof SideNav>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Playground: Story = {
  play: async ({ args, canvasElement }) => {
    const nav = within(canvasElement).getByRole('navigation', { name: 'Main' });
    await expect(within(nav).getByRole('link', { name: 'Members' })).toHaveAttribute('aria-current', 'page');
    await expect(within(nav).getByRole('list', { name: 'Administration' })).toBeVisible();
    await userEvent.tab();
    await expect(within(nav).getByRole('link', { name: 'Dashboard' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect(args.onNavigate).toHaveBeenCalledWith(
      expect.objectContaining({ id: 'dashboard' }),
      expect.anything(),
    );
  },
};

export const HiddenItems: Story = {
  args: {
    sections: adminSections.map((section) =>
      section.id === 'admin'
        ? { ...section, items: section.items.map((item) => ({ ...item, hidden: true })) }
        : { ...section, items: section.items.map((item) => ({ ...item, hidden: item.id === 'tokens' })) },
    ),
  },
  play: async ({ canvasElement }) => {
    const nav = within(canvasElement).getByRole('navigation');
    await expect(within(nav).queryByRole('link', { name: 'API tokens' })).toBeNull();
    await expect(within(nav).queryByText('Administration')).toBeNull();
    await expect(within(nav).getAllByRole('link')).toHaveLength(3);
  },
};

export const Collapsed: Story = {
  args: { collapsed: true },
  decorators: [
    (Story) => <div style={{ maxInlineSize: 'var(--ds-size-sidebar-collapsed-width)' }}>{Story()}</div>,
  ],
  play: async ({ canvasElement }) => {
    const link = within(canvasElement).getByRole('link', { name: 'Dashboard' });
    await userEvent.tab();
    await expect(link).toHaveFocus();
    await expect(await screen.findByRole('tooltip')).toHaveTextContent('Dashboard');
  },
};

export const WithBadgesAndLongLabels: Story = {
  args: {
    sections: [
      {
        id: 'main',
        items: [
          { id: 'members', label: 'Members', href: '#members', badge: <Badge tone="info">128</Badge> },
          {
            id: 'long',
            label: 'Single sign-on and directory synchronisation settings',
            href: '#sso',
            badge: <Badge tone="warning">Action needed</Badge>,
          },
        ],
      },
    ],
  },
};

export const RightToLeft: Story = {
  args: {
    sections: adminSections.map((section) => ({
      ...section,
      label: section.label && 'الإدارة',
      items: section.items.map((item) => ({ ...item, label: `${item.label} — إعدادات مساحة العمل الطويلة` })),
    })),
  },
  decorators: [(Story) => <div dir="rtl">{Story()}</div>],
};
