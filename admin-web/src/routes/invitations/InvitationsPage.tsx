import {
  Alert,
  Badge,
  Button,
  Card,
  ConfirmDialog,
  CopyableSecret,
  EmptyState,
  FormField,
  Inline,
  PageHeader,
  Select,
  Stack,
  TextField,
  useToast,
  type BadgeTone,
  type TableColumn,
} from '@bastion/design-system';
import { useQuery } from '@tanstack/react-query';
import { Mail } from 'lucide-react';
import { Form } from '../../app/Form';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { describeError } from '../../api/problem';
import type { Invitation, InvitationStatus, IssuedInvitation } from '../../api/types';
import { formatDate } from '../../app/format';
import { QueryTable } from '../../app/QueryTable';
import { queryClient } from '../../app/query-client';
import { useDocumentTitle } from '../../app/use-document-title';
import { useFormSubmit } from '../../app/use-form-submit';
import { rankRules } from '../roles/rank-rules';
import { useRoleChoices } from '../roles/roles-queries';
import { useWorkspace } from '../workspace/workspace-queries';

const STATUS_TONE: Record<InvitationStatus, BadgeTone> = {
  pending: 'info',
  accepted: 'success',
  revoked: 'neutral',
  expired: 'warning',
};

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function inviteLink(acceptPath: string): string {
  return `${window.location.origin}${acceptPath}`;
}

export function InvitationsPage() {
  const context = useWorkspace();
  const { workspace } = context;
  const { toast } = useToast();
  useDocumentTitle(`Invitations · ${workspace.name}`);
  const roleChoices = useRoleChoices(context);
  const rank = rankRules(context, roleChoices);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState('member');
  const [issued, setIssued] = useState<IssuedInvitation | null>(null);
  const [revoking, setRevoking] = useState<Invitation | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const roleOptions = roleChoices
    .filter((choice) => choice.key !== 'owner' && rank.mayGrant(choice.key))
    .map((choice) => ({ value: choice.key, label: choice.name }));
  // The default stays `member` unless the inviter could not grant it; then the first role they can.
  const chosenRole = roleOptions.some((option) => option.value === role)
    ? role
    : (roleOptions[0]?.value ?? role);

  const invitations = useQuery({
    queryKey: ['invitations', workspace.id],
    queryFn: () =>
      unwrap(
        api.GET('/api/workspaces/{workspaceId}/invitations', {
          params: { path: { workspaceId: workspace.id } },
        }),
      ),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['invitations', workspace.id] });

  const form = useFormSubmit(
    () =>
      unwrap(
        api.POST('/api/workspaces/{workspaceId}/invitations', {
          params: { path: { workspaceId: workspace.id } },
          body: { email: email.trim(), role: chosenRole },
        }),
      ),
    (result) => {
      setIssued(result);
      setEmail('');
      toast({ tone: 'success', title: `Invitation created for ${result.invitation.email}` });
      void refresh();
    },
    () =>
      EMAIL_PATTERN.test(email.trim()) ? {} : { email: 'Enter an email address such as ada@example.com.' },
  );

  const resend = async (invitation: Invitation) => {
    setActionError(null);
    try {
      setIssued(
        await unwrap(
          api.POST('/api/workspaces/{workspaceId}/invitations/{invitationId}/resend', {
            params: { path: { workspaceId: workspace.id, invitationId: invitation.id } },
          }),
        ),
      );
      toast({ tone: 'success', title: `New link for ${invitation.email}` });
    } catch (error) {
      setActionError(describeError(error));
    }
    await refresh();
  };

  const revoke = async (invitation: Invitation) => {
    setActionError(null);
    try {
      await unwrap(
        api.DELETE('/api/workspaces/{workspaceId}/invitations/{invitationId}', {
          params: { path: { workspaceId: workspace.id, invitationId: invitation.id } },
        }),
      );
      toast({ tone: 'success', title: `Invitation for ${invitation.email} revoked` });
      if (issued?.invitation.id === invitation.id) setIssued(null);
    } catch (error) {
      setActionError(describeError(error));
    }
    await refresh();
  };

  const columns: TableColumn<Invitation>[] = [
    { id: 'email', header: 'Email', cell: (invitation) => invitation.email },
    { id: 'role', header: 'Role', cell: (invitation) => invitation.role.name },
    {
      id: 'status',
      header: 'Status',
      cell: (invitation) => <Badge tone={STATUS_TONE[invitation.status]}>{invitation.status}</Badge>,
    },
    { id: 'expires', header: 'Expires', cell: (invitation) => formatDate(invitation.expiresAt) },
    {
      id: 'invitedBy',
      header: 'Invited by',
      cell: (invitation) => invitation.invitedBy?.displayName ?? '—',
    },
    {
      id: 'actions',
      header: 'Actions',
      align: 'end',
      cell: (invitation) =>
        (invitation.status === 'pending' || invitation.status === 'expired') &&
        rank.mayGrant(invitation.role.key) ? (
          <Inline gap="2" justify="end">
            <Button
              size="sm"
              aria-label={`Resend invitation to ${invitation.email}`}
              onClick={() => void resend(invitation)}
            >
              Resend
            </Button>
            {invitation.status === 'pending' && (
              <Button
                size="sm"
                variant="danger"
                aria-label={`Revoke invitation to ${invitation.email}`}
                onClick={() => setRevoking(invitation)}
              >
                Revoke
              </Button>
            )}
          </Inline>
        ) : null,
    },
  ];

  return (
    <Stack gap="6">
      <PageHeader title="Invitations" description="Invite people by email; each gets a link to join." />
      <Card title="Invite someone">
        <Form gap="4" onSubmit={form.submit} aria-label="Invite someone">
          {form.error && (
            <Alert tone="danger" announce>
              {form.error}
            </Alert>
          )}
          <FormField label="Email" required error={form.fieldErrors.email}>
            <TextField
              type="email"
              autoComplete="off"
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
          </FormField>
          <FormField label="Role" required error={form.fieldErrors.role}>
            <Select value={chosenRole} onValueChange={setRole} options={roleOptions} />
          </FormField>
          <Inline>
            <Button type="submit" variant="primary" loading={form.pending}>
              Create invitation
            </Button>
          </Inline>
        </Form>
      </Card>
      {issued && (
        <Card title={`Invitation link for ${issued.invitation.email}`}>
          <CopyableSecret
            label="Invitation link"
            value={inviteLink(issued.acceptPath)}
            notice={`Send this link to ${issued.invitation.email}. It works once, until ${formatDate(issued.invitation.expiresAt)}, and is not shown again.`}
          />
        </Card>
      )}
      {actionError && (
        <Alert tone="danger" title="That change was not made" announce onDismiss={() => setActionError(null)}>
          {actionError}
        </Alert>
      )}
      <QueryTable
        query={invitations}
        errorTitle="Invitations could not be loaded"
        caption="Invitations"
        columns={columns}
        getRowId={(invitation) => invitation.id}
        emptyState={
          <EmptyState
            headingLevel={3}
            icon={<Mail />}
            title="No invitations yet"
            description="People you invite show up here until they join."
          />
        }
      />
      <ConfirmDialog
        open={revoking !== null}
        onOpenChange={(open) => {
          if (!open) setRevoking(null);
        }}
        title={`Revoke the invitation to ${revoking?.email ?? 'this person'}?`}
        description="The link stops working at once. You can invite them again later."
        confirmLabel="Revoke invitation"
        onConfirm={async () => {
          if (revoking) await revoke(revoking);
        }}
      />
    </Stack>
  );
}
