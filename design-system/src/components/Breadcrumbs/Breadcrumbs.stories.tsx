import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { Breadcrumbs } from './Breadcrumbs';

const meta = {
  title: 'Components/Navigation/Breadcrumbs',
  component: Breadcrumbs,
  args: {
    items: [
      { label: 'Acme', href: '#workspace' },
      { label: 'Members', href: '#members' },
      { label: 'Ada Lovelace' },
    ],
  },
} satisfies Meta<typeof Breadcrumbs>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Playground: Story = {
  play: async ({ canvasElement }) => {
    const nav = within(canvasElement).getByRole('navigation', { name: 'Breadcrumb' });
    await expect(
      within(nav)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Acme', 'Members']);
    await expect(within(nav).getByText('Ada Lovelace')).toHaveAttribute('aria-current', 'page');
  },
};

export const LongLabels: Story = {
  args: {
    items: [
      { label: 'Acme Corporation International Holdings', href: '#workspace' },
      { label: 'Single sign-on and directory synchronisation', href: '#sso' },
      { label: 'Okta production tenant for the European subsidiaries' },
    ],
  },
  decorators: [(Story) => <div style={{ maxInlineSize: '22.5rem' }}>{Story()}</div>],
};

export const SingleLevel: Story = { args: { items: [{ label: 'Dashboard' }] } };

export const RightToLeft: Story = {
  args: {
    items: [
      { label: 'مساحة العمل أكمي للأبحاث', href: '#workspace' },
      { label: 'الأعضاء والأدوار', href: '#members' },
      { label: 'أدا لوفلايس' },
    ],
  },
  decorators: [(Story) => <div dir="rtl">{Story()}</div>],
  play: async ({ canvasElement }) => {
    const separator = canvasElement.querySelector('svg');
    await expect(getComputedStyle(separator as Element).transform).toBe('matrix(-1, 0, 0, 1, 0, 0)');
  },
};
