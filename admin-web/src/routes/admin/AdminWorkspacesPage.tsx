import { EmptyState, PageHeader, Stack, type TableColumn } from '@bastion/design-system';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Building2 } from 'lucide-react';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import type { AdminWorkspace } from '../../api/types';
import { formatDate } from '../../app/format';
import { ListSearchField } from '../../app/ListSearchField';
import { QueryTable } from '../../app/QueryTable';
import { useCursorPages } from '../../app/use-cursor-pages';
import { useDebouncedValue } from '../../app/use-debounced-value';
import { useDocumentTitle } from '../../app/use-document-title';

const PAGE_SIZE = 25;

const columns: TableColumn<AdminWorkspace>[] = [
  { id: 'name', header: 'Workspace', cell: (workspace) => workspace.name },
  { id: 'slug', header: 'Address', cell: (workspace) => <code>/w/{workspace.slug}</code> },
  { id: 'members', header: 'Members', align: 'end', cell: (workspace) => workspace.memberCount },
  { id: 'owners', header: 'Owners', cell: (workspace) => workspace.ownerEmails.join(', ') || '—' },
  { id: 'created', header: 'Created', cell: (workspace) => formatDate(workspace.createdAt) },
];

export function AdminWorkspacesPage() {
  useDocumentTitle('All workspaces');
  const [search, setSearch] = useState('');
  const settled = useDebouncedValue(search.trim());
  const pages = useCursorPages();
  const workspaces = useQuery({
    queryKey: ['admin-workspaces', { search: settled, cursor: pages.cursor }],
    queryFn: () =>
      unwrap(
        api.GET('/api/admin/workspaces', {
          params: { query: { search: settled, limit: PAGE_SIZE, cursor: pages.cursor } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  return (
    <Stack gap="6">
      <PageHeader
        title="All workspaces"
        description="Every workspace on this Bastion, for platform administrators."
      />
      <ListSearchField
        label="Search workspaces"
        placeholder="Name or address"
        value={search}
        onChange={setSearch}
        pages={pages}
      />
      <QueryTable
        query={workspaces}
        errorTitle="Workspaces could not be loaded"
        paging={{ pages, pageSize: PAGE_SIZE }}
        caption="All workspaces"
        captionHidden
        columns={columns}
        getRowId={(workspace) => workspace.id}
        emptyState={
          <EmptyState
            headingLevel={3}
            icon={<Building2 />}
            title={settled ? 'No workspace matches' : 'No workspaces yet'}
          />
        }
      />
    </Stack>
  );
}
