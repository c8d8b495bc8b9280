import {
  Alert,
  Badge,
  Button,
  ConfirmDialog,
  EmptyState,
  PageHeader,
  Stack,
  Switch,
  useToast,
  type TableColumn,
} from '@bastion/design-system';
import { useQuery } from '@tanstack/react-query';
import { ToggleRight } from 'lucide-react';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { describeError } from '../../api/problem';
import type { Flag, Page } from '../../api/types';
import { queryClient } from '../../app/query-client';
import { QueryTable } from '../../app/QueryTable';
import { useDocumentTitle } from '../../app/use-document-title';
import { useWorkspace } from '../workspace/workspace-queries';
import { flagSummary, reset, switched, withFlag } from './flags';

const onOff = (enabled: boolean) => (enabled ? 'On' : 'Off');

export function FlagsPage() {
  const { workspace, access, can } = useWorkspace();
  const { toast } = useToast();
  useDocumentTitle(`Feature flags · ${workspace.name}`);
  const canManage = can('flags:manage');
  const [actionError, setActionError] = useState<string | null>(null);
  const [resetting, setResetting] = useState<Flag | null>(null);
  const queryKey = ['flags', workspace.id];
  const flags = useQuery({
    queryKey,
    queryFn: () =>
      unwrap(
        api.GET('/api/workspaces/{workspaceId}/flags', { params: { path: { workspaceId: workspace.id } } }),
      ),
  });

  /**
   * Shows the change at once and asks the server; the server's answer replaces the guess, and a
   * refusal puts the list back as it was and says why.
   */
  const change = async (expected: Flag, send: () => Promise<Flag>, done: (flag: Flag) => string) => {
    setActionError(null);
    await queryClient.cancelQueries({ queryKey });
    const before = queryClient.getQueryData<Page<Flag>>(queryKey);
    queryClient.setQueryData<Page<Flag>>(queryKey, (page) => page && withFlag(page, expected));
    try {
      const confirmed = await send();
      queryClient.setQueryData<Page<Flag>>(queryKey, (page) => page && withFlag(page, confirmed));
      toast({ tone: 'success', title: done(confirmed) });
    } catch (error) {
      queryClient.setQueryData(queryKey, before);
      setActionError(describeError(error));
    }
  };

  const flagPath = (flag: Flag) => ({ path: { workspaceId: workspace.id, key: flag.key } });

  const toggle = (flag: Flag, enabled: boolean) =>
    change(
      switched(flag, enabled),
      () =>
        unwrap(
          api.PUT('/api/workspaces/{workspaceId}/flags/{key}', { params: flagPath(flag), body: { enabled } }),
        ),
      (confirmed) => `${confirmed.key} is ${onOff(confirmed.enabled).toLowerCase()}`,
    );

  const resetToDefault = (flag: Flag) =>
    change(
      reset(flag),
      () => unwrap(api.DELETE('/api/workspaces/{workspaceId}/flags/{key}', { params: flagPath(flag) })),
      (confirmed) => `${confirmed.key} follows its default again (${onOff(confirmed.enabled).toLowerCase()})`,
    );

  const columns: TableColumn<Flag>[] = [
    {
      id: 'flag',
      header: 'Flag',
      cell: (flag) => (
        <Switch
          label={<code>{flag.key}</code>}
          description={flagSummary(flag)}
          checked={flag.enabled}
          disabled={!canManage}
          onCheckedChange={(enabled) => void toggle(flag, enabled)}
        />
      ),
    },
    { id: 'default', header: 'Default', cell: (flag) => onOff(flag.defaultEnabled) },
    {
      id: 'source',
      header: 'Source',
      cell: (flag) => (flag.overridden ? <Badge tone="info">Set here</Badge> : <Badge>Default</Badge>),
    },
  ];
  if (canManage) {
    columns.push({
      id: 'actions',
      header: 'Actions',
      align: 'end',
      cell: (flag) =>
        flag.overridden && (
          <Button
            size="sm"
            aria-label={`Reset ${flag.key} to its default`}
            onClick={() => setResetting(flag)}
          >
            Reset to default
          </Button>
        ),
    });
  }

  return (
    <Stack gap="6">
      <PageHeader
        title="Feature flags"
        description="Features turned on or off for this workspace; a flag not set here follows the server’s default."
      />
      {!canManage && (
        <Alert tone="info" title="You can look, not change">
          {`Your role, ${access.role.name}, does not include “Manage feature flags”, so the switches are read-only. Ask an owner or admin to change a flag.`}
        </Alert>
      )}
      {actionError && (
        <Alert tone="danger" title="That change was not made" announce onDismiss={() => setActionError(null)}>
          {actionError}
        </Alert>
      )}
      <QueryTable
        query={flags}
        errorTitle="Feature flags could not be loaded"
        caption="Feature flags"
        captionHidden
        columns={columns}
        getRowId={(flag) => flag.key}
        emptyState={
          <EmptyState
            headingLevel={3}
            icon={<ToggleRight />}
            title="No feature flags"
            description="This server defines none (FEATURE_FLAGS)."
          />
        }
      />
      <ConfirmDialog
        open={resetting !== null}
        onOpenChange={(open) => {
          if (!open) setResetting(null);
        }}
        title={`Reset ${resetting?.key ?? 'this flag'} to its default?`}
        description={`This workspace stops overriding it and follows the server’s default, which is ${onOff(resetting?.defaultEnabled ?? false).toLowerCase()}.`}
        confirmLabel="Reset flag"
        tone="primary"
        onConfirm={async () => {
          if (resetting) await resetToDefault(resetting);
        }}
      />
    </Stack>
  );
}
