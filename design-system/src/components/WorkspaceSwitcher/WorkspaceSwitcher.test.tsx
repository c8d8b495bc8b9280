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

/**
 * Bounds for a busy machine, never measures of speed: the test goes on as soon as the list is there. The
 * list brings two megabytes of search and list library, which took 8 s to arrive on two loaded cores.
 */
const LIST_ARRIVES_WITHIN_MS = 120_000;
const LIST_RENDERED_WITHIN_MS = 15_000;

const workspaces = [
  { id: 'ws_acme', name: 'Acme' },
  { id: 'ws_globex', name: 'Globex' },
];

describe(WorkspaceSwitcher.name, { timeout: LIST_ARRIVES_WITHIN_MS }, () => {
  it('loads its list when it opens, showing progress meanwhile, then puts focus in the search', async () => {
    const onSelect = vi.fn();
    const screen = await render(
      <WorkspaceSwitcher workspaces={workspaces} currentId="ws_acme" onSelect={onSelect} />,
    );
    await userEvent.click(screen.getByRole('button', { name: /Switch workspace/ }));
    await expect.element(screen.getByRole('status', { name: 'Loading workspaces' })).toBeVisible();
    expect(document.querySelector('[role="listbox"]')).toBeNull();

    listArrives.release();
    // The loaded state is explicit: the module has arrived, then React renders it.
    await import('./WorkspaceSwitcherList');
    const search = screen.getByRole('searchbox', { name: 'Find a workspace' });
    await expect.element(search, { timeout: LIST_RENDERED_WITHIN_MS }).toHaveFocus();
    await userEvent.keyboard('glo{Enter}');
    expect(onSelect).toHaveBeenCalledWith('ws_globex');
  });
});
