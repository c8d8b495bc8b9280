import type { ComponentType, ReactElement } from 'react';
import { createBrowserRouter, Outlet, redirect, type LoaderFunctionArgs } from 'react-router';
import { ForbiddenPage, NotFoundPage, RouteErrorPage } from '../routes/errors/ErrorPages';
import { homeLoader } from '../routes/home/home-loader';
import { LoginPage, loginLoader } from '../routes/login/LoginPage';
import { membersLoader } from '../routes/members/members-queries';
import { workspaceLoader } from '../routes/workspace/workspace-queries';
import { sessionQuery } from '../session/session';
import { signInPath } from '../session/sign-in-path';
import { queryClient } from './query-client';
import { RequirePlatformAdmin, RequireWorkspaceAccess } from './RequireAccess';
import type { NavItemId } from './navigation';

/**
 * Screens load on first visit: sign-in and the error pages stay in the first download, while the
 * signed-in shell and each screen (with the libraries only they use) arrive when needed.
 */
function screen(
  load: () => Promise<ComponentType>,
  wrap: (page: ReactElement) => ReactElement = (page) => page,
) {
  return async () => {
    const Page = await load();
    return { element: wrap(<Page />) };
  };
}

const guarded = (item: NavItemId, load: () => Promise<ComponentType>) =>
  screen(load, (page) => <RequireWorkspaceAccess item={item}>{page}</RequireWorkspaceAccess>);

const platformAdmin = (load: () => Promise<ComponentType>) =>
  screen(load, (page) => <RequirePlatformAdmin>{page}</RequirePlatformAdmin>);

async function requireSession({ request }: LoaderFunctionArgs) {
  const session = await queryClient.ensureQueryData(sessionQuery);
  if (!session) {
    const url = new URL(request.url);
    throw redirect(signInPath(url.pathname + url.search));
  }
  return null;
}

/** The start-up screen index.html paints before any script runs, kept on screen until the route is ready. */
function StartingUp() {
  return (
    <div className="boot" role="status">
      Loading Bastion…
    </div>
  );
}

export const router = createBrowserRouter([
  {
    element: <Outlet />,
    errorElement: <RouteErrorPage />,
    hydrateFallbackElement: <StartingUp />,
    children: [
      { path: 'login', loader: loginLoader, element: <LoginPage /> },
      {
        path: 'invite/:token',
        lazy: screen(() =>
          import('../routes/invite/AcceptInvitationPage').then((m) => m.AcceptInvitationPage),
        ),
      },
      {
        id: 'signed-in',
        loader: requireSession,
        lazy: () => import('./AppLayout').then((m) => ({ Component: m.AppLayout })),
        children: [
          {
            errorElement: <RouteErrorPage />,
            children: [
              {
                index: true,
                loader: homeLoader,
                lazy: screen(() => import('../routes/home/HomePage').then((m) => m.HomePage)),
              },
              {
                path: 'w/:slug',
                loader: workspaceLoader,
                errorElement: <RouteErrorPage />,
                children: [
                  {
                    index: true,
                    lazy: guarded('overview', () =>
                      import('../routes/workspace/OverviewPage').then((m) => m.OverviewPage),
                    ),
                  },
                  {
                    path: 'members',
                    loader: membersLoader,
                    lazy: guarded('members', () =>
                      import('../routes/members/MembersPage').then((m) => m.MembersPage),
                    ),
                  },
                  {
                    path: 'invitations',
                    lazy: guarded('invitations', () =>
                      import('../routes/invitations/InvitationsPage').then((m) => m.InvitationsPage),
                    ),
                  },
                  {
                    path: 'roles',
                    lazy: guarded('roles', () =>
                      import('../routes/roles/RolesPage').then((m) => m.RolesPage),
                    ),
                  },
                  {
                    path: 'roles/:roleId',
                    lazy: guarded('roles', () =>
                      import('../routes/roles/RoleEditorPage').then((m) => m.RoleEditorPage),
                    ),
                  },
                  {
                    path: 'api-tokens',
                    lazy: guarded('api-tokens', () =>
                      import('../routes/api-tokens/ApiTokensPage').then((m) => m.ApiTokensPage),
                    ),
                  },
                  {
                    path: 'audit',
                    lazy: guarded('audit', () =>
                      import('../routes/audit/AuditPage').then((m) => m.AuditPage),
                    ),
                  },
                  {
                    path: 'flags',
                    lazy: guarded('flags', () =>
                      import('../routes/flags/FlagsPage').then((m) => m.FlagsPage),
                    ),
                  },
                  {
                    path: 'settings',
                    lazy: guarded('settings', () =>
                      import('../routes/settings/SettingsPage').then((m) => m.SettingsPage),
                    ),
                  },
                  { path: '*', element: <NotFoundPage /> },
                ],
              },
              {
                path: 'account',
                lazy: screen(() => import('../routes/account/AccountPage').then((m) => m.AccountPage)),
              },
              {
                path: 'account/sessions',
                lazy: screen(() => import('../routes/account/SessionsPage').then((m) => m.SessionsPage)),
              },
              {
                path: 'admin/workspaces',
                lazy: platformAdmin(() =>
                  import('../routes/admin/AdminWorkspacesPage').then((m) => m.AdminWorkspacesPage),
                ),
              },
              {
                path: 'admin/users',
                lazy: platformAdmin(() =>
                  import('../routes/admin/AdminUsersPage').then((m) => m.AdminUsersPage),
                ),
              },
              { path: '403', element: <ForbiddenPage /> },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
]);
