import { useEffect } from 'react';

/** Names the tab and what screen readers announce after navigation. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Bastion` : 'Bastion';
  }, [title]);
}
