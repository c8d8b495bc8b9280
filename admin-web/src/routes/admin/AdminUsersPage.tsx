import {
  Alert,
  Badge,
  Button,
  ConfirmDialog,
  EmptyState,
  Inline,
  PageHeader,
  Stack,
  useToast,
  type TableColumn,
} from '@bastion/design-system';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Users } from 'lucide-react';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { describeError } from '../../api/problem';
import type { AdminUser } from '../../api/types';
import { formatDate } from '../../app/format';
import { queryClient } from '../../app/query-client';
import { ListSearchField } from '../../app/ListSearchField';
import { QueryTable } from '../../app/QueryTable';
import { useCursorPages } from '../../app/use-cursor-pages';
import { useDebouncedValue } from '../../app/use-debounced-value';
import { useDocumentTitle } from '../../app/use-document-title';
import { useSession } from '../../session/session';

const PAGE_SIZE = 25;

export function AdminUsersPage() {
  useDocumentTitle('All users');
  const session = useSession();
  const { toast } = useToast();
  const [search, setSearch] = useState('');
  const settled = useDebouncedValue(search.trim());
  const pages = useCursorPages();
  const [disabling, setDisabling] = useState<AdminUser | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const users = useQuery({
    queryKey: ['admin-users', { search: settled, cursor: pages.cursor }],
    queryFn: () =>
      unwrap(
        api.GET('/api/admin/users', {
          params: { query: { search: settled, limit: PAGE_SIZE, cursor: pages.cursor } },
        }),
      ),
    placeholderData: keepPreviousData,
  });

  const setDisabled = async (user: AdminUser, disabled: boolean) => {
    setActionError(null);
    try {
      const path = { params: { path: { userId: user.id } } };
      await unwrap(
        disabled
          ? api.POST('/api/admin/users/{userId}/disable', path)
          : api.POST('/api/admin/users/{userId}/enable', path),
      );
      toast({ tone: 'success', title: `${user.displayName} ${disabled ? 'disabled' : 'enabled'}` });
    } catch (error) {
      setActionError(describeError(error));
    }
    await queryClient.invalidateQueries({ queryKey: ['admin-users'] });
  };

  const columns: TableColumn<AdminUser>[] = [
    {
      id: 'name',
      header: 'User',
      cell: (user) => (
        <Stack gap="0">
          <span>{user.displayName}</span>
          <span>{user.email}</span>
        </Stack>
      ),
    },
    {
      id: 'status',
      header: 'Status',
      cell: (user) => (
        <Inline gap="1">
          {user.disabled ? <Badge tone="danger">Disabled</Badge> : <Badge tone="success">Active</Badge>}
          {user.isPlatformAdmin && <Badge tone="info">Platform admin</Badge>}
        </Inline>
      ),
    },
    { id: 'workspaces', header: 'Workspaces', align: 'end', cell: (user) => user.workspaceCount },
    { id: 'created', header: 'Joined', cell: (user) => formatDate(user.createdAt) },
    {
      id: 'actions',
      header: 'Actions',
      align: 'end',
      cell: (user) =>
        user.id === session.user.id ? null : user.disabled ? (
          <Button
            size="sm"
            aria-label={`Enable ${user.displayName}`}
            onClick={() => void setDisabled(user, false)}
          >
            Enable
          </Button>
        ) : (
          <Button
            size="sm"
            variant="danger"
            aria-label={`Disable ${user.displayName}`}
            onClick={() => setDisabling(user)}
          >
            Disable
          </Button>
        ),
    },
  ];

  return (
    <Stack gap="6">
      <PageHeader title="All users" description="Everyone with an account, for platform administrators." />
      {actionError && (
        <Alert tone="danger" announce onDismiss={() => setActionError(null)}>
          {actionError}
        </Alert>
      )}
      <ListSearchField label="Search users" value={search} onChange={setSearch} pages={pages} />
      <QueryTable
        query={users}
        errorTitle="Users could not be loaded"
        paging={{ pages, pageSize: PAGE_SIZE }}
        caption="All users"
        captionHidden
        columns={columns}
        getRowId={(user) => user.id}
        emptyState={
          <EmptyState
            headingLevel={3}
            icon={<Users />}
            title={settled ? 'No user matches' : 'No users yet'}
          />
        }
      />
      <ConfirmDialog
        open={disabling !== null}
        onOpenChange={(open) => {
          if (!open) setDisabling(null);
        }}
        title={`Disable ${disabling?.displayName ?? 'this user'}?`}
        description="Their sessions and API tokens stop working at once, in every workspace. You can enable them again."
        confirmLabel="Disable user"
        onConfirm={async () => {
          if (disabling) await setDisabled(disabling, true);
        }}
      />
    </Stack>
  );
}
