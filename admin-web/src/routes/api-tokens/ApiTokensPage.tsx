import {
  Alert,
  Badge,
  Button,
  Checkbox,
  ConfirmDialog,
  CopyableSecret,
  Dialog,
  DialogClose,
  EmptyState,
  FormField,
  PageHeader,
  Select,
  Stack,
  TextField,
  useToast,
  type TableColumn,
} from '@bastion/design-system';
import { Form } from '../../app/Form';
import { useQuery } from '@tanstack/react-query';
import { KeyRound } from 'lucide-react';
import { useId, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { describeError } from '../../api/problem';
import type { ApiToken, CreatedApiToken } from '../../api/types';
import { formatDate, formatDateTime } from '../../app/format';
import { QueryTable } from '../../app/QueryTable';
import { queryClient } from '../../app/query-client';
import { useDocumentTitle } from '../../app/use-document-title';
import { useFormSubmit } from '../../app/use-form-submit';
import { permissionCatalogueQuery, useWorkspace } from '../workspace/workspace-queries';

const EXPIRY_OPTIONS = [
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '365', label: '1 year' },
  { value: 'never', label: 'Never' },
];

function tokenStatus(token: ApiToken): { label: string; tone: 'success' | 'neutral' | 'warning' } {
  if (token.revokedAt) return { label: 'Revoked', tone: 'neutral' };
  if (token.expiresAt && Date.parse(token.expiresAt) < Date.now())
    return { label: 'Expired', tone: 'warning' };
  return { label: 'Active', tone: 'success' };
}

export function ApiTokensPage() {
  const { workspace } = useWorkspace();
  const { toast } = useToast();
  useDocumentTitle(`API tokens · ${workspace.name}`);
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const tokens = useQuery({
    queryKey: ['api-tokens', workspace.id],
    queryFn: () =>
      unwrap(
        api.GET('/api/workspaces/{workspaceId}/api-tokens', {
          params: { path: { workspaceId: workspace.id } },
        }),
      ),
  });

  const revoke = async (token: ApiToken) => {
    setActionError(null);
    try {
      await unwrap(
        api.DELETE('/api/workspaces/{workspaceId}/api-tokens/{tokenId}', {
          params: { path: { workspaceId: workspace.id, tokenId: token.id } },
        }),
      );
      toast({ tone: 'success', title: `Token ${token.name} revoked` });
    } catch (error) {
      setActionError(describeError(error));
    }
    await queryClient.invalidateQueries({ queryKey: ['api-tokens', workspace.id] });
  };

  const columns: TableColumn<ApiToken>[] = [
    { id: 'name', header: 'Name', cell: (token) => token.name },
    { id: 'prefix', header: 'Starts with', cell: (token) => <code>{token.prefix}</code> },
    { id: 'permissions', header: 'Permissions', cell: (token) => token.permissions.join(', ') || '—' },
    { id: 'created', header: 'Created', cell: (token) => formatDate(token.createdAt) },
    {
      id: 'expires',
      header: 'Expires',
      cell: (token) => (token.expiresAt ? formatDate(token.expiresAt) : 'Never'),
    },
    { id: 'used', header: 'Last used', cell: (token) => formatDateTime(token.lastUsedAt) },
    {
      id: 'status',
      header: 'Status',
      cell: (token) => {
        const status = tokenStatus(token);
        return <Badge tone={status.tone}>{status.label}</Badge>;
      },
    },
    {
      id: 'actions',
      header: 'Actions',
      align: 'end',
      cell: (token) =>
        token.revokedAt ? null : (
          <Button
            size="sm"
            variant="danger"
            aria-label={`Revoke ${token.name}`}
            onClick={() => setRevoking(token)}
          >
            Revoke
          </Button>
        ),
    },
  ];

  return (
    <Stack gap="6">
      <PageHeader
        title="API tokens"
        description="Tokens let scripts call the API with some of your permissions in this workspace."
        actions={
          <Button variant="primary" onClick={() => setCreating(true)}>
            Create token
          </Button>
        }
      />
      {actionError && (
        <Alert tone="danger" title="That change was not made" announce onDismiss={() => setActionError(null)}>
          {actionError}
        </Alert>
      )}
      <QueryTable
        query={tokens}
        errorTitle="Tokens could not be loaded"
        caption="API tokens"
        captionHidden
        columns={columns}
        getRowId={(token) => token.id}
        emptyState={
          <EmptyState
            headingLevel={3}
            icon={<KeyRound />}
            title="No API tokens yet"
            description="Create one for each script or integration, so each can be revoked on its own."
          />
        }
      />
      <CreateTokenDialog open={creating} onOpenChange={setCreating} />
      <ConfirmDialog
        open={revoking !== null}
        onOpenChange={(open) => {
          if (!open) setRevoking(null);
        }}
        title={`Revoke ${revoking?.name ?? 'this token'}?`}
        description="Scripts using it are refused from their next request. This cannot be undone."
        confirmLabel="Revoke token"
        onConfirm={async () => {
          if (revoking) await revoke(revoking);
        }}
      />
    </Stack>
  );
}

function CreateTokenDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const { workspace, access } = useWorkspace();
  const formId = useId();
  const catalogue = useQuery(permissionCatalogueQuery);
  const [name, setName] = useState('');
  const [permissions, setPermissions] = useState<Set<string>>(() => new Set(['workspace:read']));
  const [expiry, setExpiry] = useState('90');
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const mine = (catalogue.data?.permissions ?? []).filter((permission) =>
    access.permissions.includes(permission.key),
  );

  const form = useFormSubmit(
    () =>
      unwrap(
        api.POST('/api/workspaces/{workspaceId}/api-tokens', {
          params: { path: { workspaceId: workspace.id } },
          body: {
            name: name.trim(),
            permissions: [...permissions],
            ...(expiry !== 'never' && { expiresInDays: Number(expiry) }),
          },
        }),
      ),
    (result) => {
      setCreated(result);
      void queryClient.invalidateQueries({ queryKey: ['api-tokens', workspace.id] });
    },
    () => {
      const errors: Record<string, string> = {};
      if (!name.trim()) errors.name = 'Name the token after what will use it.';
      if (permissions.size === 0) errors.permissions = 'Choose at least one permission.';
      return errors;
    },
  );

  const close = (next: boolean) => {
    if (!next) {
      setCreated(null);
      setName('');
      setPermissions(new Set(['workspace:read']));
      form.reset();
    }
    onOpenChange(next);
  };

  return (
    <Dialog
      open={open}
      onOpenChange={close}
      size="lg"
      title={created ? `Token ${created.apiToken.name} created` : 'Create API token'}
      description={
        created ? undefined : 'A token holds only the permissions you choose, and never more than yours.'
      }
      footer={
        created ? (
          <DialogClose asChild>
            <Button variant="primary">Done</Button>
          </DialogClose>
        ) : (
          <>
            <DialogClose asChild>
              <Button>Cancel</Button>
            </DialogClose>
            <Button type="submit" form={formId} variant="primary" loading={form.pending}>
              Create token
            </Button>
          </>
        )
      }
    >
      {created ? (
        <CopyableSecret label="API token" value={created.token} />
      ) : (
        <Form id={formId} gap="4" onSubmit={form.submit}>
          {form.error && (
            <Alert tone="danger" announce>
              {form.error}
            </Alert>
          )}
          <FormField label="Name" required error={form.fieldErrors.name}>
            <TextField
              value={name}
              onChange={(event) => setName(event.target.value)}
              maxLength={100}
              placeholder="Deploy script"
            />
          </FormField>
          <FormField label="Expires" error={form.fieldErrors.expiresInDays}>
            <Select value={expiry} onValueChange={setExpiry} options={EXPIRY_OPTIONS} />
          </FormField>
          <Stack as="fieldset" gap="2" style={{ border: 0, padding: 0, margin: 0 }}>
            <legend>
              <strong>Permissions</strong>
            </legend>
            {form.fieldErrors.permissions && <Alert tone="danger">{form.fieldErrors.permissions}</Alert>}
            {mine.map((permission) => (
              <Checkbox
                key={permission.key}
                label={permission.label}
                description={permission.key}
                checked={permissions.has(permission.key)}
                onCheckedChange={(checked) =>
                  setPermissions((current) => {
                    const next = new Set(current);
                    if (checked === true) next.add(permission.key);
                    else next.delete(permission.key);
                    return next;
                  })
                }
              />
            ))}
          </Stack>
        </Form>
      )}
    </Dialog>
  );
}
