import {
  Alert,
  Badge,
  Button,
  EmptyState,
  Inline,
  NativeSelect,
  PageHeader,
  Stack,
  useToast,
  type TableColumn,
} from '@bastion/design-system';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Users } from 'lucide-react';
import { lazy, Suspense, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { describeError } from '../../api/problem';
import type { Member } from '../../api/types';
import { formatDate } from '../../app/format';
import { LinkButton } from '../../app/link-button';
import { queryClient } from '../../app/query-client';
import { ListSearchField } from '../../app/ListSearchField';
import { QueryTable } from '../../app/QueryTable';
import { useCursorPages } from '../../app/use-cursor-pages';
import { useDebouncedValue } from '../../app/use-debounced-value';
import { useDocumentTitle } from '../../app/use-document-title';
import { useOpenedOnce } from '../../app/use-opened-once';
import { useSession } from '../../session/session';
import { rankRules } from '../roles/rank-rules';
import { useRoleChoices } from '../roles/roles-queries';
import { useWorkspace } from '../workspace/workspace-queries';
import { MEMBERS_PAGE_SIZE, membersQuery } from './members-queries';

// Both dialogs wait for their first opening: the list, not its row actions, is what a visit is for.
const ExplainAccessDialog = lazy(() =>
  import('./ExplainAccessDialog').then((m) => ({ default: m.ExplainAccessDialog })),
);
const ConfirmDialog = lazy(() =>
  import('../../app/confirm-dialog').then((m) => ({ default: m.ConfirmDialog })),
);

export function MembersPage() {
  const context = useWorkspace();
  const { workspace, can } = context;
  const session = useSession();
  const { toast } = useToast();
  useDocumentTitle(`Members · ${workspace.name}`);
  const [search, setSearch] = useState('');
  const settledSearch = useDebouncedValue(search.trim());
  const pages = useCursorPages();
  const [actionError, setActionError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Member | null>(null);
  const [explaining, setExplaining] = useState<Member | null>(null);
  const explainWanted = useOpenedOnce(explaining !== null);
  const removeWanted = useOpenedOnce(removing !== null);
  const roleChoices = useRoleChoices(context);
  const rank = rankRules(context, roleChoices);

  const members = useQuery({
    ...membersQuery(workspace.id, settledSearch, pages.cursor),
    placeholderData: keepPreviousData,
  });

  const refreshAfterChange = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['members', workspace.id] }),
      queryClient.invalidateQueries({ queryKey: ['roles', workspace.id] }),
      queryClient.invalidateQueries({ queryKey: ['access', workspace.id] }),
    ]);

  const changeRole = async (member: Member, role: string) => {
    setActionError(null);
    try {
      await unwrap(
        api.PATCH('/api/workspaces/{workspaceId}/members/{userId}', {
          params: { path: { workspaceId: workspace.id, userId: member.userId } },
          body: { role },
        }),
      );
      toast({
        tone: 'success',
        title: `${member.displayName} is now ${roleChoices.find((r) => r.key === role)?.name ?? role}`,
      });
    } catch (error) {
      setActionError(describeError(error));
    }
    await refreshAfterChange();
  };

  const remove = async (member: Member) => {
    setActionError(null);
    try {
      await unwrap(
        api.DELETE('/api/workspaces/{workspaceId}/members/{userId}', {
          params: { path: { workspaceId: workspace.id, userId: member.userId } },
        }),
      );
      toast({ tone: 'success', title: `${member.displayName} was removed` });
    } catch (error) {
      setActionError(describeError(error));
    }
    await refreshAfterChange();
  };

  const columns: TableColumn<Member>[] = [
    {
      id: 'name',
      header: 'Member',
      cell: (member) => (
        <Stack gap="0">
          <span>
            {member.displayName}
            {member.userId === session.user.id && ' (you)'}
          </span>
          <span>{member.email}</span>
        </Stack>
      ),
    },
    {
      id: 'role',
      header: 'Role',
      cell: (member) =>
        can('members:update-role') && roleChoices.length > 0 && rank.mayActOn(member.role.key) ? (
          <NativeSelect
            size="sm"
            aria-label={`Role of ${member.displayName}`}
            value={member.role.key}
            options={roleChoices
              .filter((role) => role.key === member.role.key || rank.mayGrant(role.key))
              .map((role) => ({ value: role.key, label: role.name }))}
            onValueChange={(role) => {
              if (role !== member.role.key) void changeRole(member, role);
            }}
          />
        ) : (
          <Badge>{member.role.name}</Badge>
        ),
    },
    { id: 'joined', header: 'Joined', cell: (member) => formatDate(member.joinedAt) },
  ];
  const mayRemove = (member: Member) =>
    can('members:remove') && member.userId !== session.user.id && rank.mayActOn(member.role.key);
  columns.push({
    id: 'actions',
    header: 'Actions',
    align: 'end',
    cell: (member) => (
      <Inline gap="2" justify="end">
        <Button
          size="sm"
          aria-label={`Explain ${member.displayName}’s access`}
          onClick={() => setExplaining(member)}
        >
          Explain access
        </Button>
        {mayRemove(member) && (
          <Button
            size="sm"
            variant="danger"
            aria-label={`Remove ${member.displayName}`}
            onClick={() => setRemoving(member)}
          >
            Remove
          </Button>
        )}
      </Inline>
    ),
  });

  return (
    <Stack gap="6">
      <PageHeader
        title="Members"
        description="People in this workspace and what they may do."
        actions={
          can('members:invite') && (
            <LinkButton to={`/w/${workspace.slug}/invitations`} variant="primary">
              Invite people
            </LinkButton>
          )
        }
      />
      {actionError && (
        <Alert tone="danger" title="That change was not made" announce onDismiss={() => setActionError(null)}>
          {actionError}
        </Alert>
      )}
      <ListSearchField label="Search members" value={search} onChange={setSearch} pages={pages} />
      <QueryTable
        query={members}
        errorTitle="Members could not be loaded"
        paging={{ pages, pageSize: MEMBERS_PAGE_SIZE }}
        caption="Members"
        captionHidden
        columns={columns}
        getRowId={(member) => member.userId}
        emptyState={
          <EmptyState
            icon={<Users />}
            headingLevel={3}
            title={settledSearch ? 'No member matches' : 'No members yet'}
            description={settledSearch ? 'Try another name or email.' : undefined}
          />
        }
      />
      <Suspense fallback={null}>
        {explainWanted && (
          <ExplainAccessDialog
            workspaceId={workspace.id}
            member={explaining}
            onClose={() => setExplaining(null)}
          />
        )}
        {removeWanted && (
          <ConfirmDialog
            open={removing !== null}
            onOpenChange={(open) => {
              if (!open) setRemoving(null);
            }}
            title={`Remove ${removing?.displayName ?? 'member'}?`}
            description={`${removing?.email ?? 'They'} will lose access to ${workspace.name} at once. You can invite them again later.`}
            confirmLabel="Remove member"
            onConfirm={async () => {
              if (removing) await remove(removing);
            }}
          />
        )}
      </Suspense>
    </Stack>
  );
}
