import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { data, useParams, type LoaderFunctionArgs } from 'react-router';
import { api, unwrap } from '../../api/client';
import { isProblem } from '../../api/problem';
import type { MyAccess, Workspace } from '../../api/types';
import { rememberWorkspace } from '../../app/last-workspace';
import type { PermissionKey } from '../../app/navigation';
import { queryClient } from '../../app/query-client';
import { sessionQuery } from '../../session/session';

export const workspaceQuery = (slug: string) =>
  queryOptions({
    queryKey: ['workspace', slug],
    queryFn: () => unwrap(api.GET('/api/workspaces/by-slug/{slug}', { params: { path: { slug } } })),
  });

/** My role and permissions in a workspace; menus and route guards read it. */
export const accessQuery = (workspaceId: string) =>
  queryOptions({
    queryKey: ['access', workspaceId],
    queryFn: () => unwrap(api.GET('/api/workspaces/{workspaceId}/me', { params: { path: { workspaceId } } })),
  });

export const permissionCatalogueQuery = queryOptions({
  queryKey: ['permission-catalogue'],
  queryFn: () => unwrap(api.GET('/api/permissions')),
  staleTime: Infinity,
});

/**
 * Resolves the workspace and my access before any screen in it renders, so a screen the role may not
 * see is replaced by the 403 page without its data ever being requested.
 */
export async function workspaceLoader({ params }: LoaderFunctionArgs) {
  const slug = params.slug ?? '';
  try {
    const [workspace] = await Promise.all([
      queryClient.ensureQueryData(workspaceQuery(slug)),
      // The session lists my workspaces with their ids, so my access in this one can be asked for
      // alongside the workspace itself rather than after it.
      queryClient.ensureQueryData(sessionQuery).then((session) => {
        const known = session?.workspaces.find((candidate) => candidate.slug === slug);
        if (known) void queryClient.prefetchQuery(accessQuery(known.id));
      }),
    ]);
    await queryClient.ensureQueryData(accessQuery(workspace.id));
    rememberWorkspace(slug);
    return null;
  } catch (error) {
    if (isProblem(error, 'workspace-not-found') || isProblem(error, 'not-found')) {
      throw data('No such workspace', { status: 404 });
    }
    throw error;
  }
}

export interface WorkspaceContext {
  workspace: Workspace;
  access: MyAccess;
  can: (permission: PermissionKey) => boolean;
}

/** The workspace of the current /w/:slug route, which its loader has already resolved. */
export function useWorkspace(): WorkspaceContext {
  const { slug = '' } = useParams();
  const { data: workspace } = useSuspenseQuery(workspaceQuery(slug));
  const { data: access } = useSuspenseQuery(accessQuery(workspace.id));
  return { workspace, access, can: (permission) => access.permissions.includes(permission) };
}
