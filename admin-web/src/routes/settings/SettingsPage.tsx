import {
  Alert,
  Button,
  Card,
  ConfirmDialog,
  FormField,
  Inline,
  PageHeader,
  Select,
  Stack,
  TextField,
  useToast,
} from '@bastion/design-system';
import { useQuery } from '@tanstack/react-query';
import { Form } from '../../app/Form';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client';
import { describeError } from '../../api/problem';
import type { Workspace } from '../../api/types';
import { queryClient } from '../../app/query-client';
import { useDocumentTitle } from '../../app/use-document-title';
import { useFormSubmit } from '../../app/use-form-submit';
import { sessionQuery, useSession } from '../../session/session';
import { slugProblem } from '../workspace/slug';
import { useWorkspace } from '../workspace/workspace-queries';

export function SettingsPage() {
  const { workspace, can } = useWorkspace();
  useDocumentTitle(`Settings · ${workspace.name}`);
  return (
    <Stack gap="6">
      <PageHeader title="Settings" description="The workspace’s name and address, ownership, and deletion." />
      <GeneralSettings key={workspace.id} workspace={workspace} />
      {can('workspace:delete') && <TransferOwnership workspace={workspace} />}
      {can('workspace:delete') && <DeleteWorkspace workspace={workspace} />}
    </Stack>
  );
}

function GeneralSettings({ workspace }: { workspace: Workspace }) {
  const navigate = useNavigate();
  const { toast } = useToast();
  const [name, setName] = useState(workspace.name);
  const [slug, setSlug] = useState(workspace.slug);
  const form = useFormSubmit(
    () =>
      unwrap(
        api.PATCH('/api/workspaces/{workspaceId}', {
          params: { path: { workspaceId: workspace.id } },
          body: {
            ...(name.trim() !== workspace.name && { name: name.trim() }),
            ...(slug !== workspace.slug && { slug }),
          },
        }),
      ),
    async (updated) => {
      queryClient.setQueryData(['workspace', updated.slug], updated);
      await queryClient.invalidateQueries({ queryKey: sessionQuery.queryKey });
      toast({ tone: 'success', title: 'Workspace settings saved' });
      if (updated.slug !== workspace.slug) {
        queryClient.removeQueries({ queryKey: ['workspace', workspace.slug] });
        navigate(`/w/${updated.slug}/settings`, { replace: true });
      }
    },
    () => {
      const errors: Record<string, string> = {};
      if (!name.trim()) errors.name = 'The workspace needs a name.';
      const slugError = slugProblem(slug);
      if (slugError) errors.slug = slugError;
      return errors;
    },
  );
  return (
    <Card title="General">
      <Form gap="4" onSubmit={form.submit} aria-label="General settings">
        {form.error && (
          <Alert tone="danger" announce>
            {form.error}
          </Alert>
        )}
        <FormField label="Name" required error={form.fieldErrors.name}>
          <TextField value={name} onChange={(event) => setName(event.target.value)} maxLength={100} />
        </FormField>
        <FormField
          label="Address"
          required
          hint="Changing it breaks links and bookmarks to the old address."
          error={form.fieldErrors.slug}
        >
          <TextField value={slug} onChange={(event) => setSlug(event.target.value)} maxLength={63} />
        </FormField>
        <Inline>
          <Button type="submit" variant="primary" loading={form.pending}>
            Save changes
          </Button>
        </Inline>
      </Form>
    </Card>
  );
}

function TransferOwnership({ workspace }: { workspace: Workspace }) {
  const session = useSession();
  const { toast } = useToast();
  const [userId, setUserId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const members = useQuery({
    queryKey: ['members', workspace.id, { limit: 100 }],
    queryFn: () =>
      unwrap(
        api.GET('/api/workspaces/{workspaceId}/members', {
          params: { path: { workspaceId: workspace.id }, query: { limit: 100 } },
        }),
      ),
  });
  const candidates = (members.data?.items ?? []).filter((member) => member.userId !== session.user.id);
  const chosen = candidates.find((member) => member.userId === userId);

  const transfer = async () => {
    setError(null);
    try {
      await unwrap(
        api.POST('/api/workspaces/{workspaceId}/transfer-ownership', {
          params: { path: { workspaceId: workspace.id } },
          body: { userId },
        }),
      );
    } catch (failure) {
      setError(describeError(failure));
      return;
    }
    toast({ tone: 'success', title: `${chosen?.displayName ?? 'They'} now own ${workspace.name}` });
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: sessionQuery.queryKey }),
      queryClient.invalidateQueries({ queryKey: ['access', workspace.id] }),
      queryClient.invalidateQueries({ queryKey: ['members', workspace.id] }),
    ]);
  };

  return (
    <Card title="Transfer ownership" description="Make another member the owner; you become an admin.">
      <Stack gap="4">
        {error && (
          <Alert tone="danger" announce>
            {error}
          </Alert>
        )}
        <FormField label="New owner">
          <Select
            value={userId}
            onValueChange={setUserId}
            placeholder={members.isPending ? 'Loading members…' : 'Choose a member'}
            options={candidates.map((member) => ({
              value: member.userId,
              label: `${member.displayName} (${member.email})`,
            }))}
          />
        </FormField>
        <Inline>
          <ConfirmDialog
            trigger={<Button disabled={!chosen}>Transfer ownership</Button>}
            title={`Make ${chosen?.displayName ?? 'this member'} the owner?`}
            description="You become an admin and can no longer delete the workspace or transfer it back yourself."
            confirmLabel="Transfer ownership"
            onConfirm={transfer}
          />
        </Inline>
      </Stack>
    </Card>
  );
}

function DeleteWorkspace({ workspace }: { workspace: Workspace }) {
  const navigate = useNavigate();
  const { toast } = useToast();
  const [error, setError] = useState<string | null>(null);
  const remove = async () => {
    setError(null);
    try {
      await unwrap(
        api.DELETE('/api/workspaces/{workspaceId}', {
          params: { path: { workspaceId: workspace.id } },
          body: { confirmSlug: workspace.slug },
        }),
      );
    } catch (failure) {
      setError(describeError(failure));
      return;
    }
    queryClient.removeQueries({ queryKey: ['workspace', workspace.slug] });
    await queryClient.invalidateQueries({ queryKey: sessionQuery.queryKey });
    toast({ tone: 'success', title: `Workspace ${workspace.name} deleted` });
    navigate('/', { replace: true });
  };
  return (
    <Card
      title="Delete workspace"
      description="Deletes the workspace, its members’ access, roles, tokens and history."
    >
      <Stack gap="4">
        {error && (
          <Alert tone="danger" announce>
            {error}
          </Alert>
        )}
        <Inline>
          <ConfirmDialog
            trigger={<Button variant="danger">Delete workspace</Button>}
            title={`Delete ${workspace.name}?`}
            description="Everything in it is deleted for everyone. This cannot be undone."
            confirmationPhrase={workspace.slug}
            confirmLabel="Delete workspace"
            onConfirm={remove}
          />
        </Inline>
      </Stack>
    </Card>
  );
}
