import { redirect } from 'react-router';
import { lastWorkspace } from '../../app/last-workspace';
import { queryClient } from '../../app/query-client';
import { sessionQuery } from '../../session/session';

/** `/` opens the last workspace used, else the first; people without one stay here. */
export async function homeLoader() {
  const session = await queryClient.ensureQueryData(sessionQuery);
  if (!session) return null;
  const remembered = lastWorkspace();
  const target =
    session.workspaces.find((workspace) => workspace.slug === remembered) ?? session.workspaces[0];
  if (target) throw redirect(`/w/${target.slug}`);
  if (session.user.isPlatformAdmin) throw redirect('/admin/workspaces');
  return null;
}
