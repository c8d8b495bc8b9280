import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Dialog,
  DialogClose,
  DescriptionList,
  FormField,
  Inline,
  PageHeader,
  Select,
  Stack,
  Textarea,
  TextField,
  useToast,
} from '@bastion/design-system';
import { Form } from '../../app/Form';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { describeError, isProblem } from '../../api/problem';
import type { Role } from '../../api/types';
import { plural } from '../../app/format';
import { CardSkeleton, ErrorState } from '../../app/page-states';
import { queryClient } from '../../app/query-client';
import { useDocumentTitle } from '../../app/use-document-title';
import { useFormSubmit } from '../../app/use-form-submit';
import { NotFoundPage } from '../errors/ErrorPages';
import {
  permissionCatalogueQuery,
  useWorkspace,
  type WorkspaceContext,
} from '../workspace/workspace-queries';
import { groupPermissions, previewAccess, type PermissionGroup } from './permission-groups';
import { rolesQuery } from './roles-queries';

export function RoleEditorPage() {
  const context = useWorkspace();
  const { roleId = 'new' } = useParams();
  const isNew = roleId === 'new';
  const catalogue = useQuery(permissionCatalogueQuery);
  const role = useQuery({
    queryKey: ['role', context.workspace.id, roleId],
    queryFn: () =>
      unwrap(
        api.GET('/api/workspaces/{workspaceId}/roles/{roleId}', {
          params: { path: { workspaceId: context.workspace.id, roleId } },
        }),
      ),
    enabled: !isNew,
  });
  useDocumentTitle(isNew ? 'New role' : `${role.data?.name ?? 'Role'} · Roles`);

  if (isNew && !context.can('roles:manage')) return <NotFoundPage />;
  if (
    role.isError &&
    (isProblem(role.error, 'role-not-found') || isProblem(role.error, 'validation-failed'))
  ) {
    return <NotFoundPage />;
  }
  if (catalogue.isError || role.isError) {
    return (
      <ErrorState
        title="The role could not be loaded"
        error={catalogue.error ?? role.error}
        onRetry={() => void Promise.all([catalogue.refetch(), isNew ? null : role.refetch()])}
      />
    );
  }
  if (catalogue.isPending || (!isNew && role.isPending)) {
    return (
      <Stack gap="6">
        <PageHeader title={isNew ? 'New role' : 'Role'} />
        <CardSkeleton title="Permissions" lines={8} />
      </Stack>
    );
  }
  return (
    <RoleEditor
      key={role.data?.id ?? 'new'}
      context={context}
      role={isNew ? null : (role.data ?? null)}
      groups={groupPermissions(catalogue.data.permissions)}
    />
  );
}

function RoleEditor({
  context,
  role,
  groups,
}: {
  context: WorkspaceContext;
  role: Role | null;
  groups: PermissionGroup[];
}) {
  const { workspace, access, can } = context;
  const navigate = useNavigate();
  const { toast } = useToast();
  const readOnly = Boolean(role?.isSystem) || !can('roles:manage');
  const [name, setName] = useState(role?.name ?? '');
  const [description, setDescription] = useState(role?.description ?? '');
  const [granted, setGranted] = useState<Set<string>>(() => new Set(role?.permissions ?? ['workspace:read']));
  const [replacement, setReplacement] = useState('member');
  const roles = useQuery({ ...rolesQuery(workspace.id), enabled: Boolean(role && !role.isSystem) });
  const preview = useMemo(() => previewAccess(groups, granted), [groups, granted]);
  const rolesPath = `/w/${workspace.slug}/roles`;
  const grantable = new Set(access.permissions);

  const toggle = (key: string, on: boolean) =>
    setGranted((current) => {
      const next = new Set(current);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['roles', workspace.id] }),
      queryClient.invalidateQueries({ queryKey: ['role', workspace.id] }),
      queryClient.invalidateQueries({ queryKey: ['access', workspace.id] }),
    ]);

  const form = useFormSubmit(
    () => {
      const body = { name: name.trim(), description: description.trim(), permissions: [...granted] };
      return role
        ? unwrap(
            api.PATCH('/api/workspaces/{workspaceId}/roles/{roleId}', {
              params: { path: { workspaceId: workspace.id, roleId: role.id } },
              body: body,
            }),
          )
        : unwrap(
            api.POST('/api/workspaces/{workspaceId}/roles', {
              params: { path: { workspaceId: workspace.id } },
              body: body,
            }),
          );
    },
    async (saved) => {
      await refresh();
      toast({ tone: 'success', title: role ? `Role ${saved.name} saved` : `Role ${saved.name} created` });
      if (!role) navigate(`${rolesPath}/${saved.id}`, { replace: true });
    },
    () => (name.trim() ? {} : { name: 'Give the role a name.' }),
  );

  const remove = async () => {
    if (!role) return;
    await unwrap(
      api.DELETE('/api/workspaces/{workspaceId}/roles/{roleId}', {
        params: {
          path: { workspaceId: workspace.id, roleId: role.id },
          query: role.memberCount > 0 ? { replacement } : {},
        },
      }),
    );
    await refresh();
    toast({ tone: 'success', title: `Role ${role.name} deleted` });
    navigate(rolesPath, { replace: true });
  };

  const title = role ? role.name : 'New role';
  const replacementOptions = (roles.data?.items ?? [])
    .filter((other) => other.id !== role?.id && other.key !== 'owner')
    .map((other) => ({ value: other.key, label: other.name }));

  return (
    <Stack gap="6">
      <PageHeader
        title={title}
        description={
          role?.isSystem
            ? 'A system role: its permissions are fixed, so it reads the same in every workspace.'
            : 'A custom role: choose exactly what its holders may do.'
        }
        meta={
          role && (
            <Badge tone={role.isSystem ? 'neutral' : 'info'}>{role.isSystem ? 'System' : 'Custom'}</Badge>
          )
        }
      />
      {readOnly && role && !role.isSystem && (
        <Alert tone="info">Your role may read roles but not change them.</Alert>
      )}
      <Form gap="6" onSubmit={form.submit} aria-label={`Edit role ${title}`}>
        {form.error && (
          <Alert tone="danger" title="The role was not saved" announce>
            {form.error}
          </Alert>
        )}
        <Card title="Details">
          <Stack gap="4">
            <FormField label="Name" required error={form.fieldErrors.name}>
              <TextField
                value={name}
                onChange={(event) => setName(event.target.value)}
                readOnly={readOnly}
                maxLength={60}
              />
            </FormField>
            <FormField label="Description" error={form.fieldErrors.description}>
              <Textarea
                rows={2}
                value={description}
                onChange={(event) => setDescription(event.target.value)}
                readOnly={readOnly}
                maxLength={300}
              />
            </FormField>
          </Stack>
        </Card>
        <Card
          title="Permissions"
          description={readOnly ? undefined : 'You can only grant permissions your own role has.'}
        >
          <Stack gap="6">
            {form.fieldErrors.permissions && <Alert tone="danger">{form.fieldErrors.permissions}</Alert>}
            {groups.map((group) => (
              <Stack as="fieldset" key={group.resource} gap="2" style={{ border: 0, padding: 0, margin: 0 }}>
                <legend>
                  <strong>{group.label}</strong>
                </legend>
                {group.permissions.map((permission) => (
                  <Checkbox
                    key={permission.key}
                    label={permission.label}
                    description={`${permission.description} (${permission.key})`}
                    checked={granted.has(permission.key)}
                    disabled={readOnly || (!grantable.has(permission.key) && !granted.has(permission.key))}
                    onCheckedChange={(checked) => toggle(permission.key, checked === true)}
                  />
                ))}
              </Stack>
            ))}
          </Stack>
        </Card>
        <Card
          title="Who can do what"
          description={
            role
              ? `${plural(role.memberCount, 'member')} ${role.memberCount === 1 ? 'holds' : 'hold'} this role.`
              : 'Updates as you tick boxes.'
          }
        >
          <Stack gap="4" aria-live="polite">
            <DescriptionList
              items={preview.abilities.map((ability) => ({
                term: ability.label,
                description: ability.actions.length > 0 ? ability.actions.join(', ') : 'No access',
              }))}
            />
            <p>Screens in the sidebar: {preview.screens.length > 0 ? preview.screens.join(', ') : 'none'}.</p>
          </Stack>
        </Card>
        {!readOnly && (
          <Inline justify="between">
            <Inline>
              <Button type="submit" variant="primary" loading={form.pending}>
                {role ? 'Save role' : 'Create role'}
              </Button>
              <Button onClick={() => navigate(rolesPath)}>Cancel</Button>
            </Inline>
            {role && (
              <DeleteRoleDialog
                role={role}
                replacementOptions={replacementOptions}
                replacement={replacement}
                onReplacementChange={setReplacement}
                onDelete={remove}
              />
            )}
          </Inline>
        )}
      </Form>
    </Stack>
  );
}

function DeleteRoleDialog({
  role,
  replacementOptions,
  replacement,
  onReplacementChange,
  onDelete,
}: {
  role: Role;
  replacementOptions: { value: string; label: string }[];
  replacement: string;
  onReplacementChange: (key: string) => void;
  onDelete: () => Promise<void>;
}) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    setPending(true);
    setError(null);
    try {
      await onDelete();
    } catch (failure) {
      setError(describeError(failure));
      setPending(false);
    }
  };
  return (
    <Dialog
      size="sm"
      title={`Delete the ${role.name} role?`}
      description={
        role.memberCount > 0
          ? `${plural(role.memberCount, 'member')} ${role.memberCount === 1 ? 'holds' : 'hold'} this role. They, and pending invitations for it, move to the role you choose.`
          : 'Nobody holds this role. Deleting it cannot be undone.'
      }
      trigger={<Button variant="danger">Delete role</Button>}
      footer={
        <>
          <DialogClose asChild>
            <Button>Cancel</Button>
          </DialogClose>
          <Button variant="danger" loading={pending} onClick={() => void confirm()}>
            Delete role
          </Button>
        </>
      }
    >
      <Stack gap="4">
        {error && (
          <Alert tone="danger" announce>
            {error}
          </Alert>
        )}
        {role.memberCount > 0 && (
          <FormField label="Move its members to">
            <Select value={replacement} onValueChange={onReplacementChange} options={replacementOptions} />
          </FormField>
        )}
      </Stack>
    </Dialog>
  );
}
