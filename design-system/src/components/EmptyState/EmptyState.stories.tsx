import type { Meta, StoryObj } from '@storybook/react-vite';
import { Plus, Users } from 'lucide-react';
import { expect, fn, userEvent, within } from 'storybook/test';
import { Button } from '../Button';
import { EmptyState } from './EmptyState';

const onInvite = fn();

const meta = {
  title: 'Components/Display/EmptyState',
  component: EmptyState,
  args: {
    icon: <Users />,
    title: 'No members yet',
    description: 'Invite people by email; they join when they accept.',
    action: (
      <Button variant="primary" icon={<Plus />} onClick={onInvite}>
        Invite member
      </Button>
    ),
  },
} satisfies Meta<typeof EmptyState>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Playground: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('heading', { name: 'No members yet' })).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Invite member' }));
    await expect(onInvite).toHaveBeenCalled();
  },
};

export const TitleOnly: Story = { args: { icon: undefined, description: undefined, action: undefined } };

export const SearchWithoutResults: Story = {
  args: {
    title: 'No members match “zzz”',
    description: 'Check the spelling or clear the search.',
    action: <Button>Clear search</Button>,
  },
};
