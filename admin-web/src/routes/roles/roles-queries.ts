import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { permissionCatalogueQuery, type WorkspaceContext } from '../workspace/workspace-queries';

export const rolesQuery = (workspaceId: string) =>
  queryOptions({
    queryKey: ['roles', workspaceId],
    queryFn: () =>
      unwrap(api.GET('/api/workspaces/{workspaceId}/roles', { params: { path: { workspaceId } } })),
  });

export interface RoleChoice {
  key: string;
  name: string;
  permissions: readonly string[];
}

/**
 * Roles one may pick when inviting or changing a role: the workspace's own list when the role may read
 * it, else the system roles from the catalogue (someone may assign roles without managing them).
 */
export function useRoleChoices({ workspace, can }: WorkspaceContext): RoleChoice[] {
  const canReadRoles = can('roles:read');
  const roles = useQuery({ ...rolesQuery(workspace.id), enabled: canReadRoles });
  const catalogue = useQuery({ ...permissionCatalogueQuery, enabled: !canReadRoles });
  if (canReadRoles)
    return roles.data?.items.map(({ key, name, permissions }) => ({ key, name, permissions })) ?? [];
  return catalogue.data?.systemRoles.map(({ key, name, permissions }) => ({ key, name, permissions })) ?? [];
}
