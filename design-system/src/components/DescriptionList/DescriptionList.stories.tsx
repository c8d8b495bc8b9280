import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { Badge } from '../Badge';
import { DescriptionList } from './DescriptionList';

const meta = {
  title: 'Components/Display/DescriptionList',
  component: DescriptionList,
  args: {
    layout: 'columns',
    items: [
      { term: 'Name', description: 'Ada Lovelace' },
      { term: 'Email', description: 'ada@example.com' },
      { term: 'Role', description: <Badge tone="info">Owner</Badge> },
      { term: 'Last sign-in', description: '3 March 2026, 09:12 UTC' },
    ],
  },
} satisfies Meta<typeof DescriptionList>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Playground: Story = {
  play: async ({ canvasElement }) => {
    const terms = within(canvasElement).getAllByRole('term');
    await expect(terms.map((term) => term.textContent)).toEqual(['Name', 'Email', 'Role', 'Last sign-in']);
  },
};

export const Stacked: Story = { args: { layout: 'stacked' } };

export const LongContent: Story = {
  args: {
    items: [
      {
        term: 'Token',
        description: 'bst_live_4f9a8c2e71d04b6f9e3a5c7d1b2e8f60a9c4d3e2f1b0a9c8d7e6f5a4b3c2d1e0',
      },
      { term: 'Scopes', description: 'members:read members:write audit:read workspaces:update billing:read' },
    ],
  },
};
