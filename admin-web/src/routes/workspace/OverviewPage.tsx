import { Badge, Card, DescriptionList, EmptyState, PageHeader, Stack } from '@bastion/design-system';
import { useQuery } from '@tanstack/react-query';
import { ScrollText } from 'lucide-react';
import { api, unwrap } from '../../api/client';
import { formatDateTime } from '../../app/format';
import { LinkButton } from '../../app/link-button';
import { CardSkeleton, ErrorState } from '../../app/page-states';
import { useDocumentTitle } from '../../app/use-document-title';
import { describeAction } from '../audit/audit-actions';
import { useWorkspace } from './workspace-queries';

const MEMBER_SAMPLE = 100;

export function OverviewPage() {
  const { workspace, access, can } = useWorkspace();
  useDocumentTitle(workspace.name);
  const id = workspace.id;

  const members = useQuery({
    queryKey: ['members', id, { limit: MEMBER_SAMPLE }],
    queryFn: () =>
      unwrap(
        api.GET('/api/workspaces/{workspaceId}/members', {
          params: { path: { workspaceId: id }, query: { limit: MEMBER_SAMPLE } },
        }),
      ),
    enabled: can('members:read'),
  });
  const invitations = useQuery({
    queryKey: ['invitations', id],
    queryFn: () =>
      unwrap(api.GET('/api/workspaces/{workspaceId}/invitations', { params: { path: { workspaceId: id } } })),
    enabled: can('members:invite'),
  });
  const audit = useQuery({
    queryKey: ['audit', id, { limit: 5 }],
    queryFn: () =>
      unwrap(
        api.GET('/api/workspaces/{workspaceId}/audit-events', {
          params: { path: { workspaceId: id }, query: { limit: 5 } },
        }),
      ),
    enabled: can('audit:read'),
  });

  const memberCount = members.data
    ? `${members.data.items.length}${members.data.nextCursor ? '+' : ''}`
    : undefined;
  const pendingCount = invitations.data?.items.filter((invitation) => invitation.status === 'pending').length;

  return (
    <Stack gap="6">
      <PageHeader
        title={workspace.name}
        description="What is happening in this workspace."
        meta={<Badge>{access.role.name}</Badge>}
      />
      <Card title="Workspace">
        <DescriptionList
          items={[
            { term: 'Address', description: `/w/${workspace.slug}` },
            { term: 'Your role', description: access.role.name },
            { term: 'Created', description: formatDateTime(workspace.createdAt) },
            ...(can('members:read')
              ? [{ term: 'Members', description: members.isError ? 'Unavailable' : (memberCount ?? '…') }]
              : []),
            ...(can('members:invite')
              ? [
                  {
                    term: 'Pending invitations',
                    description: invitations.isError ? 'Unavailable' : (pendingCount ?? '…'),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {members.isError && (
        <ErrorState
          title="Members could not be counted"
          error={members.error}
          onRetry={() => void members.refetch()}
        />
      )}
      {can('audit:read') &&
        (audit.isPending ? (
          <CardSkeleton title="Recent activity" lines={5} />
        ) : audit.isError ? (
          <ErrorState
            title="Recent activity could not be loaded"
            error={audit.error}
            onRetry={() => void audit.refetch()}
          />
        ) : (
          <Card
            title="Recent activity"
            actions={
              <LinkButton to={`/w/${workspace.slug}/audit`} size="sm">
                Open audit log
              </LinkButton>
            }
          >
            {audit.data.items.length === 0 ? (
              <EmptyState headingLevel={3} icon={<ScrollText />} title="Nothing has happened yet" />
            ) : (
              <DescriptionList
                items={audit.data.items.map((event) => ({
                  term: formatDateTime(event.createdAt),
                  description: `${event.actor.displayName ?? event.actor.email ?? event.actor.kind}: ${describeAction(event.action)}`,
                }))}
              />
            )}
          </Card>
        ))}
    </Stack>
  );
}
