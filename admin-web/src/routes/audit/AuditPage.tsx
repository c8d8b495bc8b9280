import {
  Button,
  DescriptionList,
  Dialog,
  EmptyState,
  FormField,
  Inline,
  PageHeader,
  Select,
  Stack,
  TextField,
  type TableColumn,
} from '@bastion/design-system';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ScrollText } from 'lucide-react';
import { Form } from '../../app/Form';
import { useState, type FormEvent } from 'react';
import { api, unwrap } from '../../api/client';
import type { AuditEvent } from '../../api/types';
import { formatDateTime } from '../../app/format';
import { QueryTable } from '../../app/QueryTable';
import { useCursorPages } from '../../app/use-cursor-pages';
import { useDocumentTitle } from '../../app/use-document-title';
import { useWorkspace } from '../workspace/workspace-queries';
import { AUDIT_ACTIONS, describeAction } from './audit-actions';
import { dayRange, type AuditFilters } from './audit-filters';

const PAGE_SIZE = 25;
const ANY = 'any';

function actorName(event: AuditEvent): string {
  return (
    event.actor.displayName ??
    event.actor.email ??
    (event.actor.kind === 'token' ? 'API token' : event.actor.kind)
  );
}

export function AuditPage() {
  const { workspace, can } = useWorkspace();
  useDocumentTitle(`Audit log · ${workspace.name}`);
  const pages = useCursorPages();
  const [draft, setDraft] = useState<AuditFilters>({ action: ANY, actorId: ANY, from: '', to: '' });
  const [filters, setFilters] = useState<AuditFilters>(draft);
  const [dateErrors, setDateErrors] = useState<Record<string, string>>({});
  const [selected, setSelected] = useState<AuditEvent | null>(null);

  const members = useQuery({
    queryKey: ['members', workspace.id, { limit: 100 }],
    queryFn: () =>
      unwrap(
        api.GET('/api/workspaces/{workspaceId}/members', {
          params: { path: { workspaceId: workspace.id }, query: { limit: 100 } },
        }),
      ),
    enabled: can('members:read'),
  });

  const range = dayRange(filters.from, filters.to);
  const events = useQuery({
    queryKey: ['audit', workspace.id, { ...filters, cursor: pages.cursor }],
    queryFn: () =>
      unwrap(
        api.GET('/api/workspaces/{workspaceId}/audit-events', {
          params: {
            path: { workspaceId: workspace.id },
            query: {
              action: filters.action === ANY ? undefined : filters.action,
              actorId: filters.actorId === ANY ? undefined : filters.actorId,
              from: range.from,
              to: range.to,
              limit: PAGE_SIZE,
              cursor: pages.cursor,
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const checked = dayRange(draft.from, draft.to);
    setDateErrors(checked.errors);
    if (Object.keys(checked.errors).length > 0) return;
    setFilters(draft);
    pages.reset();
  };

  const columns: TableColumn<AuditEvent>[] = [
    { id: 'when', header: 'When', cell: (event) => formatDateTime(event.createdAt) },
    { id: 'actor', header: 'Who', cell: actorName },
    {
      id: 'action',
      header: 'What',
      cell: (event) => (
        <Stack gap="0">
          <span>{describeAction(event.action)}</span>
          <code>{event.action}</code>
        </Stack>
      ),
    },
    { id: 'target', header: 'Target', cell: (event) => (event.target ? event.target.type : '—') },
    {
      id: 'details',
      header: 'Details',
      align: 'end',
      cell: (event) => (
        <Button
          size="sm"
          aria-label={`Details of ${event.action} at ${formatDateTime(event.createdAt)}`}
          onClick={() => setSelected(event)}
        >
          Details
        </Button>
      ),
    },
  ];

  return (
    <Stack gap="6">
      <PageHeader title="Audit log" description="Who did what in this workspace, newest first." />
      <Form gap="4" onSubmit={apply} aria-label="Filter events">
        <Inline gap="4" align="end">
          <FormField label="Action">
            <Select
              value={draft.action}
              onValueChange={(action) => setDraft({ ...draft, action })}
              options={[
                { value: ANY, label: 'Any action' },
                ...Object.keys(AUDIT_ACTIONS).map((action) => ({ value: action, label: action })),
              ]}
            />
          </FormField>
          {can('members:read') && (
            <FormField label="Actor">
              <Select
                value={draft.actorId}
                onValueChange={(actorId) => setDraft({ ...draft, actorId })}
                options={[
                  { value: ANY, label: 'Anyone' },
                  ...(members.data?.items ?? []).map((member) => ({
                    value: member.userId,
                    label: member.displayName,
                  })),
                ]}
              />
            </FormField>
          )}
          <FormField label="From" hint="YYYY-MM-DD" error={dateErrors.from}>
            <TextField
              value={draft.from}
              onChange={(event) => setDraft({ ...draft, from: event.target.value })}
              inputMode="numeric"
            />
          </FormField>
          <FormField label="To" hint="YYYY-MM-DD" error={dateErrors.to}>
            <TextField
              value={draft.to}
              onChange={(event) => setDraft({ ...draft, to: event.target.value })}
              inputMode="numeric"
            />
          </FormField>
          <Button type="submit">Apply filters</Button>
        </Inline>
      </Form>
      <QueryTable
        query={events}
        errorTitle="Events could not be loaded"
        paging={{ pages, pageSize: PAGE_SIZE }}
        caption="Audit events"
        captionHidden
        columns={columns}
        getRowId={(event) => event.id}
        emptyState={
          <EmptyState
            headingLevel={3}
            icon={<ScrollText />}
            title="No events match"
            description="Widen the filters or the dates."
          />
        }
      />
      <Dialog
        open={selected !== null}
        onOpenChange={(open) => {
          if (!open) setSelected(null);
        }}
        size="lg"
        title={selected ? describeAction(selected.action) : 'Event'}
      >
        {selected && (
          <DescriptionList
            items={[
              { term: 'Action', description: <code>{selected.action}</code> },
              { term: 'When', description: formatDateTime(selected.createdAt) },
              {
                term: 'Who',
                description: `${actorName(selected)}${selected.actor.email ? ` (${selected.actor.email})` : ''}`,
              },
              { term: 'Actor kind', description: selected.actor.kind },
              {
                term: 'Target',
                description: selected.target ? `${selected.target.type} ${selected.target.id}` : '—',
              },
              { term: 'IP address', description: selected.ip ?? '—' },
              { term: 'Browser', description: selected.userAgent ?? '—' },
              {
                term: 'Request id',
                description: selected.requestId ? <code>{selected.requestId}</code> : '—',
              },
              {
                term: 'Details',
                description:
                  Object.keys(selected.metadata ?? {}).length > 0 ? (
                    <pre tabIndex={0}>{JSON.stringify(selected.metadata, null, 2)}</pre>
                  ) : (
                    '—'
                  ),
              },
            ]}
          />
        )}
      </Dialog>
    </Stack>
  );
}
