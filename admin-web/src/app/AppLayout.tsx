import {
  AppShell,
  IconButton,
  SideNav,
  TopBar,
  UserMenu,
  WorkspaceSwitcher,
  type SideNavSection,
} from '@bastion/design-system';
import { useQuery } from '@tanstack/react-query';
import { LogOut, Monitor, Moon, Sun, User } from 'lucide-react';
import { lazy, Suspense, useState } from 'react';
import { Outlet, useLocation, useNavigate, useParams } from 'react-router';
import { Spinner } from '@bastion/design-system';
import { accessQuery } from '../routes/workspace/workspace-queries';
import { signOut, useSession } from '../session/session';
import { lastWorkspace } from './last-workspace';
import {
  NAV_ITEMS,
  pathAfterSwitch,
  visibleNavItems,
  workspaceItemOfPath,
  workspacePath,
} from './navigation';
import { queryClient } from './query-client';
import { RouterLink } from './router-link';
import { setTheme, useTheme } from './theme';
import { useOpenedOnce } from './use-opened-once';

// Creating a workspace is rare; its dialog (and the focus-trapping library) load when first asked for.
const CreateWorkspaceDialog = lazy(() =>
  import('../routes/workspace/CreateWorkspaceDialog').then((m) => ({ default: m.CreateWorkspaceDialog })),
);

function roleLabel(key: string): string {
  return key.charAt(0).toUpperCase() + key.slice(1);
}

/** The signed-in frame: workspace switcher, role-driven navigation, theme and account menus. */
export function AppLayout() {
  const session = useSession();
  const params = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const theme = useTheme();
  const [creating, setCreating] = useState(false);
  const createWanted = useOpenedOnce(creating);

  const currentSlug =
    params.slug ??
    [lastWorkspace(), session.workspaces[0]?.slug].find(
      (slug) => slug && session.workspaces.some((workspace) => workspace.slug === slug),
    );
  const current = session.workspaces.find((workspace) => workspace.slug === currentSlug);
  const access = useQuery({ ...accessQuery(current?.id ?? ''), enabled: Boolean(current) });
  const viewer = {
    permissions: access.data?.permissions ?? [],
    isPlatformAdmin: session.user.isPlatformAdmin,
  };

  const sections: SideNavSection[] = [];
  if (current) {
    sections.push({
      id: 'workspace',
      label: 'Workspace',
      items: visibleNavItems(viewer, 'workspace').map((item) => ({
        id: item.id,
        label: item.label,
        href: workspacePath(current.slug, item),
        icon: <item.icon />,
      })),
    });
  }
  const platformItems = visibleNavItems(viewer, 'platform');
  if (platformItems.length > 0) {
    sections.push({
      id: 'platform',
      label: 'Platform',
      items: platformItems.map((item) => ({
        id: item.id,
        label: item.label,
        href: item.path,
        icon: <item.icon />,
      })),
    });
  }
  const activeId =
    workspaceItemOfPath(location.pathname)?.id ??
    NAV_ITEMS.find((item) => item.scope === 'platform' && location.pathname.startsWith(item.path))?.id;

  const switchTo = async (workspaceId: string) => {
    const target = session.workspaces.find((workspace) => workspace.id === workspaceId);
    if (!target) return;
    const targetAccess = await queryClient.fetchQuery(accessQuery(target.id));
    navigate(pathAfterSwitch(location.pathname, target.slug, targetAccess.permissions));
  };

  const leave = async () => {
    await signOut();
    navigate('/login', { replace: true });
  };

  const nextTheme = theme === 'dark' ? 'light' : 'dark';

  return (
    <AppShell
      sidebarHeader={
        <WorkspaceSwitcher
          workspaces={session.workspaces.map((workspace) => ({
            id: workspace.id,
            name: workspace.name,
            detail: roleLabel(workspace.role),
          }))}
          currentId={current?.id ?? ''}
          onSelect={(id) => void switchTo(id)}
          onCreate={() => setCreating(true)}
        />
      }
      sidebar={<SideNav sections={sections} activeId={activeId} linkAs={RouterLink} />}
      topBar={
        <TopBar
          end={
            <>
              <IconButton
                icon={theme === 'dark' ? <Sun /> : <Moon />}
                label={`Use the ${nextTheme} theme`}
                onClick={() => setTheme(nextTheme)}
              />
              <UserMenu
                name={session.user.displayName}
                email={session.user.email}
                items={[
                  { label: 'Account', icon: <User />, onSelect: () => navigate('/account') },
                  { label: 'Sessions', icon: <Monitor />, onSelect: () => navigate('/account/sessions') },
                  { type: 'separator' },
                  { label: 'Sign out', icon: <LogOut />, onSelect: () => void leave() },
                ]}
              />
            </>
          }
        />
      }
    >
      <Suspense fallback={<Spinner label="Loading page" />}>
        <Outlet />
      </Suspense>
      {createWanted && (
        <Suspense fallback={null}>
          <CreateWorkspaceDialog open={creating} onOpenChange={setCreating} />
        </Suspense>
      )}
    </AppShell>
  );
}
