import { useState } from 'react';

/**
 * Whether `open` has ever been true. A dialog whose code loads on demand renders from its first opening
 * on, and stays rendered afterwards so that closing it behaves like any other dialog.
 */
export function useOpenedOnce(open: boolean): boolean {
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  return opened || open;
}
