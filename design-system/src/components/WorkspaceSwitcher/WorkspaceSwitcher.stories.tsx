import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, screen, userEvent, waitFor, within } from 'storybook/test';
import { workspaces } from '../../stories/workspaces';
import { preloadWorkspaceSwitcherList, WorkspaceSwitcher } from './WorkspaceSwitcher';

const meta = {
  title: 'Components/Navigation/WorkspaceSwitcher',
  component: WorkspaceSwitcher,
  args: { workspaces, currentId: 'ws_acme', onSelect: fn(), onCreate: fn() },
  decorators: [(Story) => <div style={{ maxInlineSize: 'var(--ds-size-sidebar-width)' }}>{Story()}</div>],
  // The list arrives on demand in an application; here it is there from the start, so each play function
  // tests the switcher and not the speed of the machine. WorkspaceSwitcher.test.tsx covers the loading.
  loaders: [preloadWorkspaceSwitcherList],
} satisfies Meta<typeof WorkspaceSwitcher>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Playground: Story = {
  play: async ({ args, canvasElement }) => {
    const trigger = within(canvasElement).getByRole('button', { name: /^Switch workspace, current: ?Acme$/ });
    await userEvent.tab();
    await expect(trigger).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    const search = await screen.findByRole('searchbox', { name: 'Find a workspace' });
    await waitFor(() => expect(search).toHaveFocus());
    await expect(screen.getByRole('option', { name: /Acme.*\(current\)/ })).toBeVisible();
    await userEvent.keyboard('glo');
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(1));
    await userEvent.keyboard('{Enter}');
    await expect(args.onSelect).toHaveBeenCalledWith('ws_globex');
    await waitFor(() => expect(screen.queryByRole('listbox')).toBeNull());
    await expect(trigger).toHaveFocus();
  },
};

export const ArrowKeys: Story = {
  play: async ({ args, canvasElement }) => {
    await userEvent.click(
      within(canvasElement).getByRole('button', { name: /^Switch workspace, current: ?Acme$/ }),
    );
    await screen.findByRole('listbox');
    // The first arrow press highlights the first workspace; focus stays in the search field throughout.
    await userEvent.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}');
    await expect(screen.getByRole('searchbox')).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect(args.onSelect).toHaveBeenCalledWith('ws_initech');
  },
};

export const CreateAction: Story = {
  play: async ({ args, canvasElement }) => {
    await userEvent.click(
      within(canvasElement).getByRole('button', { name: /^Switch workspace, current: ?Acme$/ }),
    );
    await screen.findByRole('listbox');
    await userEvent.tab();
    await expect(screen.getByRole('button', { name: 'Create workspace' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect(args.onCreate).toHaveBeenCalledOnce();
  },
};

export const NoMatch: Story = {
  play: async ({ canvasElement }) => {
    await userEvent.click(
      within(canvasElement).getByRole('button', { name: /^Switch workspace, current: ?Acme$/ }),
    );
    await screen.findByRole('listbox');
    await userEvent.keyboard('nothing like this');
    await expect(await screen.findByText('No workspace matches.')).toBeVisible();
  },
};

export const LongName: Story = { args: { currentId: 'ws_umbrella', onCreate: undefined } };

export const Compact: Story = { args: { compact: true } };
