import { userEvent } from 'vitest/browser';
import { describe, expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-react';
import { WorkspaceSwitcher } from './WorkspaceSwitcher';

// Holds the list's module back until the test lets it through, as a slow network would.
const listArrives = vi.hoisted(() => {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { gate, release: () => release() };
});

vi.mock('./WorkspaceSwitcherList', async (importOriginal) => {
  await listArrives.gate;
  return importOriginal();
});

const workspaces = [
  { id: 'ws_acme', name: 'Acme' },
  { id: 'ws_globex', name: 'Globex' },
];

describe(WorkspaceSwitcher.name, () => {
  it('loads its list when it opens, showing progress meanwhile, then puts focus in the search', async () => {
    const onSelect = vi.fn();
    const screen = await render(
      <WorkspaceSwitcher workspaces={workspaces} currentId="ws_acme" onSelect={onSelect} />,
    );
    await userEvent.click(screen.getByRole('button', { name: /Switch workspace/ }));
    await expect.element(screen.getByRole('status', { name: 'Loading workspaces' })).toBeVisible();
    expect(document.querySelector('[role="listbox"]')).toBeNull();

    listArrives.release();
    const search = screen.getByRole('searchbox', { name: 'Find a workspace' });
    await expect.element(search).toHaveFocus();
    await userEvent.keyboard('glo{Enter}');
    expect(onSelect).toHaveBeenCalledWith('ws_globex');
  });
});
