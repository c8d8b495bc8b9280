import { Button, EmptyState, PageHeader, Stack } from '@bastion/design-system';
import { Building2 } from 'lucide-react';
import { useState } from 'react';
import { useDocumentTitle } from '../../app/use-document-title';
import { CreateWorkspaceDialog } from '../workspace/CreateWorkspaceDialog';

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
