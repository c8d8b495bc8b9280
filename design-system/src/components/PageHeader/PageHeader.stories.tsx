import type { Meta, StoryObj } from '@storybook/react-vite';
import { UserPlus } from 'lucide-react';
import { expect, within } from 'storybook/test';
import { Badge } from '../Badge';
import { Breadcrumbs } from '../Breadcrumbs';
import { Button } from '../Button';
import { PageHeader } from './PageHeader';

const meta = {
  title: 'Components/Layout/PageHeader',
  component: PageHeader,
  args: {
    title: 'Members',
    description: 'People who can sign in to this workspace, and what they may do.',
    breadcrumbs: <Breadcrumbs items={[{ label: 'Acme', href: '#acme' }, { label: 'Members' }]} />,
    actions: (
      <>
        <Button>Export</Button>
        <Button variant="primary" icon={<UserPlus />}>
          Invite member
        </Button>
      </>
    ),
  },
} satisfies Meta<typeof PageHeader>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Playground: Story = {
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('heading', { level: 1 })).toHaveTextContent('Members');
  },
};

export const WithMeta: Story = { args: { meta: <Badge tone="warning">Seat limit reached</Badge> } };

export const TitleOnly: Story = {
  args: { description: undefined, actions: undefined, breadcrumbs: undefined },
};

export const LongContent: Story = {
  args: {
    title: 'Single sign-on configuration for the Acme Corporation European subsidiaries',
    description: 'Connect an identity provider so members sign in with their company account. '.repeat(3),
  },
  decorators: [(Story) => <div style={{ maxInlineSize: '22.5rem' }}>{Story()}</div>],
};
