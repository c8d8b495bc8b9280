import {
  Activity,
  Building2,
  KeyRound,
  LayoutDashboard,
  ScrollText,
  Settings,
  Shield,
  Users,
} from 'lucide-react';
import type { SideNavSection } from '../components/SideNav';

export const adminSections: SideNavSection[] = [
  {
    id: 'workspace',
    items: [
      { id: 'dashboard', label: 'Dashboard', href: '#dashboard', icon: <LayoutDashboard /> },
      { id: 'members', label: 'Members', href: '#members', icon: <Users /> },
      { id: 'roles', label: 'Roles and permissions', href: '#roles', icon: <Shield /> },
      { id: 'tokens', label: 'API tokens', href: '#tokens', icon: <KeyRound /> },
    ],
  },
  {
    id: 'admin',
    label: 'Administration',
    items: [
      { id: 'audit', label: 'Audit log', href: '#audit', icon: <ScrollText /> },
      { id: 'health', label: 'System health', href: '#health', icon: <Activity /> },
      { id: 'workspaces', label: 'All workspaces', href: '#workspaces', icon: <Building2 /> },
      { id: 'settings', label: 'Settings', href: '#settings', icon: <Settings /> },
    ],
  },
];
