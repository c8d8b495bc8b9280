import type { WorkspaceOption } from '../components/WorkspaceSwitcher';

export const workspaces: WorkspaceOption[] = [
  { id: 'ws_acme', name: 'Acme', detail: 'Enterprise · 128 members' },
  { id: 'ws_globex', name: 'Globex', detail: 'Team · 12 members' },
  { id: 'ws_initech', name: 'Initech', detail: 'Free · 3 members' },
  { id: 'ws_umbrella', name: 'Umbrella Research and Development Europe', detail: 'Enterprise · 940 members' },
];
