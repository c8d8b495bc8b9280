import { Spinner } from '@bastion/design-system';
import { createBrowserRouter, Outlet, redirect, type LoaderFunctionArgs } from 'react-router';
import { AccountPage } from '../routes/account/AccountPage';
import { SessionsPage } from '../routes/account/SessionsPage';
import { AdminUsersPage } from '../routes/admin/AdminUsersPage';
import { AdminWorkspacesPage } from '../routes/admin/AdminWorkspacesPage';
import { ApiTokensPage } from '../routes/api-tokens/ApiTokensPage';
import { AuditPage } from '../routes/audit/AuditPage';
import { ForbiddenPage, NotFoundPage, RouteErrorPage } from '../routes/errors/ErrorPages';
import { HomePage, homeLoader } from '../routes/home/HomePage';
import { InvitationsPage } from '../routes/invitations/InvitationsPage';
import { AcceptInvitationPage } from '../routes/invite/AcceptInvitationPage';
import { LoginPage, loginLoader } from '../routes/login/LoginPage';
import { MembersPage } from '../routes/members/MembersPage';
import { RoleEditorPage } from '../routes/roles/RoleEditorPage';
import { RolesPage } from '../routes/roles/RolesPage';
import { SettingsPage } from '../routes/settings/SettingsPage';
import { OverviewPage } from '../routes/workspace/OverviewPage';
import { workspaceLoader } from '../routes/workspace/workspace-queries';
import { sessionQuery } from '../session/session';
import { AppLayout } from './AppLayout';
import { queryClient } from './query-client';
import { RequirePlatformAdmin, RequireWorkspaceAccess } from './RequireAccess';

async function requireSession({ request }: LoaderFunctionArgs) {
  const session = await queryClient.ensureQueryData(sessionQuery);
  if (!session) {
    const url = new URL(request.url);
    throw redirect(`/login?next=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return null;
}

function StartingUp() {
  return <Spinner label="Loading Bastion" />;
}

export const router = createBrowserRouter([
  {
    element: <Outlet />,
    errorElement: <RouteErrorPage />,
    hydrateFallbackElement: <StartingUp />,
    children: [
      { path: 'login', loader: loginLoader, element: <LoginPage /> },
      { path: 'invite/:token', element: <AcceptInvitationPage /> },
      {
        id: 'signed-in',
        loader: requireSession,
        element: <AppLayout />,
        children: [
          {
            errorElement: <RouteErrorPage />,
            children: [
              { index: true, loader: homeLoader, element: <HomePage /> },
              {
                path: 'w/:slug',
                loader: workspaceLoader,
                errorElement: <RouteErrorPage />,
                children: [
                  {
                    index: true,
                    element: (
                      <RequireWorkspaceAccess item="overview">
                        <OverviewPage />
                      </RequireWorkspaceAccess>
                    ),
                  },
                  {
                    path: 'members',
                    element: (
                      <RequireWorkspaceAccess item="members">
                        <MembersPage />
                      </RequireWorkspaceAccess>
                    ),
                  },
                  {
                    path: 'invitations',
                    element: (
                      <RequireWorkspaceAccess item="invitations">
                        <InvitationsPage />
                      </RequireWorkspaceAccess>
                    ),
                  },
                  {
                    path: 'roles',
                    element: (
                      <RequireWorkspaceAccess item="roles">
                        <RolesPage />
                      </RequireWorkspaceAccess>
                    ),
                  },
                  {
                    path: 'roles/:roleId',
                    element: (
                      <RequireWorkspaceAccess item="roles">
                        <RoleEditorPage />
                      </RequireWorkspaceAccess>
                    ),
                  },
                  {
                    path: 'api-tokens',
                    element: (
                      <RequireWorkspaceAccess item="api-tokens">
                        <ApiTokensPage />
                      </RequireWorkspaceAccess>
                    ),
                  },
                  {
                    path: 'audit',
                    element: (
                      <RequireWorkspaceAccess item="audit">
                        <AuditPage />
                      </RequireWorkspaceAccess>
                    ),
                  },
                  {
                    path: 'settings',
                    element: (
                      <RequireWorkspaceAccess item="settings">
                        <SettingsPage />
                      </RequireWorkspaceAccess>
                    ),
                  },
                  { path: '*', element: <NotFoundPage /> },
                ],
              },
              { path: 'account', element: <AccountPage /> },
              { path: 'account/sessions', element: <SessionsPage /> },
              {
                path: 'admin/workspaces',
                element: (
                  <RequirePlatformAdmin>
                    <AdminWorkspacesPage />
                  </RequirePlatformAdmin>
                ),
              },
              {
                path: 'admin/users',
                element: (
                  <RequirePlatformAdmin>
                    <AdminUsersPage />
                  </RequirePlatformAdmin>
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
