import { createRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-react';
import { Settings } from 'lucide-react';
import { IconButton } from './IconButton';

describe(IconButton.name, () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('is named by its label and forwards its ref', async () => {
    const ref = createRef<HTMLButtonElement>();
    const screen = await render(<IconButton ref={ref} icon={<Settings />} label="Open settings" />);
    await expect.element(screen.getByRole('button', { name: 'Open settings' })).toBeVisible();
    expect(ref.current?.tagName).toBe('BUTTON');
  });

  it('warns in development when the label is empty', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await render(<IconButton icon={<Settings />} label="  " />);
    expect(error).toHaveBeenCalledWith(expect.stringContaining('IconButton needs a non-empty `label`'));
  });
});
