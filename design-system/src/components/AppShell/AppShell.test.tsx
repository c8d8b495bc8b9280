import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { AdminScreen } from '../../stories/AdminScreen';
import { AppShell } from './AppShell';

describe(AppShell.name, () => {
  afterEach(async () => {
    await page.viewport(1280, 800);
  });

  it('fits a 360px wide screen and moves the navigation into a drawer', async () => {
    await page.viewport(360, 740);
    const screen = await render(<AdminScreen />);

    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(360);
    await expect.element(screen.getByRole('complementary', { name: 'Sidebar' })).not.toBeInTheDocument();

    const open = screen.getByRole('button', { name: 'Open navigation' });
    await userEvent.click(open);
    const drawer = page.getByRole('dialog', { name: 'Navigation' });
    await expect.element(drawer).toBeVisible();
    await expect
      .element(drawer.getByRole('link', { name: 'Members' }))
      .toHaveAttribute('aria-current', 'page');

    await userEvent.click(drawer.getByRole('link', { name: 'Audit log' }));
    await expect.element(drawer).not.toBeInTheDocument();
  });

  it('collapses the sidebar to icons on wide screens', async () => {
    await page.viewport(1280, 800);
    const screen = await render(<AdminScreen />);
    const sidebar = screen.getByRole('complementary', { name: 'Sidebar' });
    const wide = sidebar.element().getBoundingClientRect().width;

    await userEvent.click(screen.getByRole('button', { name: 'Collapse sidebar' }));
    await expect
      .element(screen.getByRole('button', { name: 'Expand sidebar' }))
      .toHaveAttribute('aria-expanded', 'false');
    expect(sidebar.element().getBoundingClientRect().width).toBeLessThan(wide / 2);
  });
});
