import type { Meta, StoryObj } from '@storybook/react-vite';
import { Bell, Search } from 'lucide-react';
import { expect, within } from 'storybook/test';
import { IconButton } from '../IconButton';
import { TextField } from '../TextField';
import { TopBar } from './TopBar';

const meta = {
  title: 'Components/Layout/TopBar',
  component: TopBar,
  args: {
    start: <strong>Bastion</strong>,
    center: <TextField type="search" leadingIcon={<Search />} placeholder="Search" aria-label="Search" />,
    end: <IconButton icon={<Bell />} label="Notifications" />,
  },
  render: (args) => (
    <header
      style={{
        borderBlockEnd: 'var(--ds-size-border-thin) solid var(--ds-color-border)',
        paddingInline: 'var(--ds-space-4)',
        display: 'flex',
      }}
    >
      <TopBar {...args} />
    </header>
  ),
} satisfies Meta<typeof TopBar>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Playground: Story = {
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('searchbox', { name: 'Search' })).toBeVisible();
  },
};

export const WithoutSearch: Story = { args: { center: undefined } };
