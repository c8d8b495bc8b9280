import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-react';
import { Dialog } from './Dialog';

describe(Dialog.name, () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('warns in development when the title is empty', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await render(<Dialog open title="" />);
    expect(error).toHaveBeenCalledWith(expect.stringContaining('Dialog needs a non-empty `title`'));
  });
});
