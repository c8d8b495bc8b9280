import type { ReactNode } from 'react';
import { useWorkspace } from '../routes/workspace/workspace-queries';
import { ForbiddenPage } from '../routes/errors/ErrorPages';
import { useSession } from '../session/session';
import { canAccess, navItem, type NavItemId } from './navigation';

/**
 * Renders a workspace screen only when the role includes what its navigation item needs. The access
 * was loaded before rendering, so the screen (and its requests) never start for someone without it.
 */
export function RequireWorkspaceAccess({ item, children }: { item: NavItemId; children: ReactNode }) {
  const { access } = useWorkspace();
  return canAccess(navItem(item), { permissions: access.permissions, isPlatformAdmin: false }) ? (
    children
  ) : (
    <ForbiddenPage />
  );
}

export function RequirePlatformAdmin({ children }: { children: ReactNode }) {
  const session = useSession();
  return session.user.isPlatformAdmin ? children : <ForbiddenPage />;
}
