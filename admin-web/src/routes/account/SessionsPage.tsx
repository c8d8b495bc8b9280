import {
  Alert,
  Badge,
  Button,
  ConfirmDialog,
  EmptyState,
  PageHeader,
  Stack,
  useToast,
  type TableColumn,
} from '@bastion/design-system';
import { useQuery } from '@tanstack/react-query';
import { Monitor } from 'lucide-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client';
import { describeError } from '../../api/problem';
import type { DeviceSession } from '../../api/types';
import { formatDateTime } from '../../app/format';
import { QueryTable } from '../../app/QueryTable';
import { queryClient } from '../../app/query-client';
import { useDocumentTitle } from '../../app/use-document-title';
import { signOut } from '../../session/session';

export function SessionsPage() {
  useDocumentTitle('Sessions');
  const navigate = useNavigate();
  const { toast } = useToast();
  const [revoking, setRevoking] = useState<DeviceSession | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const sessions = useQuery({
    queryKey: ['my-sessions'],
    queryFn: () => unwrap(api.GET('/api/me/sessions')),
  });

  const revoke = async (session: DeviceSession) => {
    setActionError(null);
    try {
      await unwrap(api.DELETE('/api/me/sessions/{id}', { params: { path: { id: session.id } } }));
      toast({ tone: 'success', title: `Signed out ${session.device}` });
    } catch (error) {
      setActionError(describeError(error));
    }
    await queryClient.invalidateQueries({ queryKey: ['my-sessions'] });
  };

  const signOutEverywhere = async () => {
    await signOut(true);
    navigate('/login', { replace: true });
  };

  const columns: TableColumn<DeviceSession>[] = [
    {
      id: 'device',
      header: 'Device',
      cell: (session) => (
        <Stack gap="1" align="start">
          <span>{session.device}</span>
          {session.current && <Badge tone="success">This device</Badge>}
        </Stack>
      ),
    },
    { id: 'ip', header: 'IP address', cell: (session) => session.ip ?? '—' },
    { id: 'created', header: 'Signed in', cell: (session) => formatDateTime(session.createdAt) },
    { id: 'seen', header: 'Last active', cell: (session) => formatDateTime(session.lastSeenAt) },
    {
      id: 'actions',
      header: 'Actions',
      align: 'end',
      cell: (session) =>
        session.current ? null : (
          <Button
            size="sm"
            variant="danger"
            aria-label={`Sign out ${session.device}, signed in ${formatDateTime(session.createdAt)}`}
            onClick={() => setRevoking(session)}
          >
            Sign out
          </Button>
        ),
    },
  ];

  return (
    <Stack gap="6">
      <PageHeader
        title="Sessions"
        description="Where your account is signed in. Sign out any device you don’t recognise."
        actions={
          <ConfirmDialog
            trigger={<Button variant="danger">Sign out everywhere</Button>}
            title="Sign out everywhere?"
            description="Every session ends, this one included. You will need your password to sign in again."
            confirmLabel="Sign out everywhere"
            onConfirm={signOutEverywhere}
          />
        }
      />
      {actionError && (
        <Alert tone="danger" announce onDismiss={() => setActionError(null)}>
          {actionError}
        </Alert>
      )}
      <QueryTable
        query={sessions}
        errorTitle="Sessions could not be loaded"
        caption="Sessions"
        captionHidden
        columns={columns}
        getRowId={(session) => session.id}
        emptyState={<EmptyState headingLevel={3} icon={<Monitor />} title="No other sessions" />}
      />
      <ConfirmDialog
        open={revoking !== null}
        onOpenChange={(open) => {
          if (!open) setRevoking(null);
        }}
        title={`Sign out ${revoking?.device ?? 'this device'}?`}
        description="That device will have to sign in again."
        confirmLabel="Sign out device"
        onConfirm={async () => {
          if (revoking) await revoke(revoking);
        }}
      />
    </Stack>
  );
}
