import { Button, EmptyState, PageHeader, Stack } from '@bastion/design-system';
import { Building2 } from 'lucide-react';
import { useState } from 'react';
import { redirect } from 'react-router';
import { lastWorkspace } from '../../app/last-workspace';
import { queryClient } from '../../app/query-client';
import { useDocumentTitle } from '../../app/use-document-title';
import { sessionQuery } from '../../session/session';
import { CreateWorkspaceDialog } from '../workspace/CreateWorkspaceDialog';

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

export function HomePage() {
  useDocumentTitle('Welcome');
  const [creating, setCreating] = useState(false);
  return (
    <Stack gap="6">
      <PageHeader title="Welcome to Bastion" />
      <EmptyState
        icon={<Building2 />}
        title="You are not in any workspace yet"
        description="Create one, or open the invitation link someone sent you."
        action={
          <Button variant="primary" onClick={() => setCreating(true)}>
            Create workspace
          </Button>
        }
      />
      <CreateWorkspaceDialog open={creating} onOpenChange={setCreating} />
    </Stack>
  );
}
