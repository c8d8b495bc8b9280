import { Stack } from '@bastion/design-system';
import type { ReactNode } from 'react';

/** The narrow centred column of screens shown outside the app shell: sign-in, invitations. */
export function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <Stack
      as="main"
      gap="6"
      style={{
        maxInlineSize: '28rem',
        marginInline: 'auto',
        paddingBlock: 'var(--ds-space-10)',
        paddingInline: 'var(--ds-space-4)',
      }}
    >
      {children}
    </Stack>
  );
}
