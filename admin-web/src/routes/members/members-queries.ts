import { queryOptions } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { api, unwrap } from '../../api/client';
import { canAccess, navItem } from '../../app/navigation';
import { queryClient } from '../../app/query-client';
import { rolesQuery } from '../roles/roles-queries';
import { accessQuery, permissionCatalogueQuery, workspaceQuery } from '../workspace/workspace-queries';

export const MEMBERS_PAGE_SIZE = 20;

export const membersQuery = (workspaceId: string, search: string, cursor: string | undefined) =>
  queryOptions({
    queryKey: ['members', workspaceId, { search, cursor }],
    queryFn: () =>
      unwrap(
        api.GET('/api/workspaces/{workspaceId}/members', {
          params: { path: { workspaceId }, query: { search, limit: MEMBERS_PAGE_SIZE, cursor } },
        }),
      ),
  });

/**
 * Asks for the first page of members and the role choices as soon as the access is known, while the
 * screen's code is still on its way, instead of after the screen first renders. Nothing waits for the
 * answers, and nothing is asked of someone the screen would turn away.
 */
export async function membersLoader({ params }: LoaderFunctionArgs) {
  try {
    const workspace = await queryClient.ensureQueryData(workspaceQuery(params.slug ?? ''));
    const { permissions } = await queryClient.ensureQueryData(accessQuery(workspace.id));
    if (canAccess(navItem('members'), { permissions, isPlatformAdmin: false })) {
      void queryClient.prefetchQuery(membersQuery(workspace.id, '', undefined));
      if (permissions.includes('roles:read')) void queryClient.prefetchQuery(rolesQuery(workspace.id));
      else void queryClient.prefetchQuery(permissionCatalogueQuery);
    }
  } catch {
    // The workspace route's own loader reports these failures; the screen simply fetches later.
  }
  return null;
}
