import { Badge, EmptyState, PageHeader, Stack, Table, type TableColumn } from '@bastion/design-system';
import { useQuery } from '@tanstack/react-query';
import { ShieldCheck } from 'lucide-react';
import type { Role } from '../../api/types';
import { plural } from '../../app/format';
import { LinkButton } from '../../app/link-button';
import { ErrorState } from '../../app/page-states';
import { useDocumentTitle } from '../../app/use-document-title';
import { useWorkspace } from '../workspace/workspace-queries';
import { rolesQuery } from './roles-queries';

export function RolesPage() {
  const { workspace, can } = useWorkspace();
  useDocumentTitle(`Roles · ${workspace.name}`);
  const roles = useQuery(rolesQuery(workspace.id));
  const base = `/w/${workspace.slug}/roles`;

  const columns: TableColumn<Role>[] = [
    {
      id: 'name',
      header: 'Role',
      cell: (role) => (
        <Stack gap="1" align="start">
          <span>{role.name}</span>
          <Badge tone={role.isSystem ? 'neutral' : 'info'}>{role.isSystem ? 'System' : 'Custom'}</Badge>
        </Stack>
      ),
    },
    { id: 'description', header: 'Description', cell: (role) => role.description || '—' },
    { id: 'permissions', header: 'Permissions', align: 'end', cell: (role) => role.permissions.length },
    { id: 'members', header: 'Members', align: 'end', cell: (role) => role.memberCount },
    {
      id: 'open',
      header: 'Actions',
      align: 'end',
      cell: (role) => (
        <LinkButton
          size="sm"
          to={`${base}/${role.id}`}
          aria-label={`${role.isSystem || !can('roles:manage') ? 'View' : 'Edit'} ${role.name}`}
        >
          {role.isSystem || !can('roles:manage') ? 'View' : 'Edit'}
        </LinkButton>
      ),
    },
  ];

  return (
    <Stack gap="6">
      <PageHeader
        title="Roles"
        description={`What each role allows. ${roles.data ? plural(roles.data.items.length, 'role') : ''}`.trim()}
        actions={
          can('roles:manage') && (
            <LinkButton to={`${base}/new`} variant="primary">
              Create role
            </LinkButton>
          )
        }
      />
      {roles.isError ? (
        <ErrorState
          title="Roles could not be loaded"
          error={roles.error}
          onRetry={() => void roles.refetch()}
        />
      ) : (
        <Table
          caption="Roles"
          captionHidden
          columns={columns}
          rows={roles.data?.items ?? []}
          getRowId={(role) => role.id}
          loading={roles.isPending}
          emptyState={<EmptyState headingLevel={3} icon={<ShieldCheck />} title="No roles" />}
        />
      )}
    </Stack>
  );
}
