import { Bell, LogOut, Search, Settings, User, UserPlus } from 'lucide-react';
import { useState } from 'react';
import { AppShell } from '../components/AppShell';
import { Badge } from '../components/Badge';
import { Breadcrumbs } from '../components/Breadcrumbs';
import { Button } from '../components/Button';
import { Card } from '../components/Card';
import { IconButton } from '../components/IconButton';
import { PageHeader } from '../components/PageHeader';
import { Pagination } from '../components/Pagination';
import { SideNav } from '../components/SideNav';
import { Stack } from '../components/Stack';
import { Table, type TableSort } from '../components/Table';
import { TextField } from '../components/TextField';
import { TopBar } from '../components/TopBar';
import { UserMenu } from '../components/UserMenu';
import { WorkspaceSwitcher } from '../components/WorkspaceSwitcher';
import { memberColumns, members, sortMembers, type Member } from './fixtures';
import { adminSections } from './navigation';
import { workspaces } from './workspaces';

const PAGE_SIZE = 8;

export interface AdminScreenProps {
  loading?: boolean;
  empty?: boolean;
  defaultSidebarCollapsed?: boolean;
}

/** A members page as the admin web client composes it, used by the composition stories and tests. */
export function AdminScreen({
  loading = false,
  empty = false,
  defaultSidebarCollapsed = false,
}: AdminScreenProps) {
  const [workspaceId, setWorkspaceId] = useState('ws_acme');
  const [sort, setSort] = useState<TableSort | null>({ columnId: 'name', direction: 'ascending' });
  const [selectedIds, setSelectedIds] = useState<string[]>([]);
  const [page, setPage] = useState(0);
  const rows = empty ? [] : sortMembers(members, sort);
  const pageRows = rows.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
  const workspaceName = workspaces.find((workspace) => workspace.id === workspaceId)?.name ?? '';

  return (
    <AppShell
      defaultSidebarCollapsed={defaultSidebarCollapsed}
      sidebarHeader={
        <WorkspaceSwitcher
          workspaces={workspaces}
          currentId={workspaceId}
          onSelect={setWorkspaceId}
          onCreate={() => undefined}
        />
      }
      sidebar={
        <SideNav
          sections={adminSections}
          activeId="members"
          onNavigate={(_item, event) => event.preventDefault()}
        />
      }
      topBar={
        <TopBar
          center={
            <TextField
              type="search"
              size="sm"
              leadingIcon={<Search />}
              placeholder="Search"
              aria-label="Search"
            />
          }
          end={
            <>
              <IconButton icon={<Bell />} label="Notifications" />
              <UserMenu
                name="Ada Lovelace"
                email="ada@example.com"
                items={[
                  { label: 'Profile', icon: <User />, onSelect: () => undefined },
                  { label: 'Preferences', icon: <Settings />, onSelect: () => undefined },
                  { type: 'separator' },
                  { label: 'Sign out', icon: <LogOut />, onSelect: () => undefined },
                ]}
              />
            </>
          }
        />
      }
    >
      <Stack gap="5">
        <PageHeader
          breadcrumbs={
            <Breadcrumbs items={[{ label: workspaceName, href: '#workspace' }, { label: 'Members' }]} />
          }
          title="Members"
          meta={<Badge tone="info">{members.length}</Badge>}
          description="People who can sign in to this workspace, and what they may do."
          actions={
            <Button variant="primary" icon={<UserPlus />}>
              Invite member
            </Button>
          }
        />
        <Card flush>
          <Table<Member>
            caption="Members"
            captionHidden
            columns={memberColumns}
            rows={pageRows}
            getRowId={(member) => member.id}
            getRowLabel={(member) => `Select ${member.name}`}
            sort={sort}
            onSortChange={setSort}
            selectable
            selectedIds={selectedIds}
            onSelectionChange={setSelectedIds}
            loading={loading}
            emptyState="No members match these filters."
          />
        </Card>
        <Pagination
          hasPrevious={page > 0}
          hasNext={(page + 1) * PAGE_SIZE < rows.length}
          onPrevious={() => setPage((current) => current - 1)}
          onNext={() => setPage((current) => current + 1)}
          summary={
            rows.length ? `Showing ${page * PAGE_SIZE + 1}–${page * PAGE_SIZE + pageRows.length}` : undefined
          }
        />
      </Stack>
    </AppShell>
  );
}
