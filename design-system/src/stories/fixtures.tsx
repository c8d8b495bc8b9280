import { Badge, type BadgeTone } from '../components/Badge';
import type { TableColumn, TableSort } from '../components/Table';

export interface Member {
  id: string;
  name: string;
  email: string;
  role: 'Owner' | 'Administrator' | 'Member' | 'Viewer';
  status: 'Active' | 'Invited' | 'Suspended';
  lastSeen: string;
}

const firstNames = [
  'Ada',
  'Grace',
  'Alan',
  'Katherine',
  'Edsger',
  'Barbara',
  'Donald',
  'Frances',
  'Ken',
  'Radia',
];
const lastNames = [
  'Lovelace',
  'Hopper',
  'Turing',
  'Johnson',
  'Dijkstra',
  'Liskov',
  'Knuth',
  'Allen',
  'Thompson',
  'Perlman',
];
const roles: Member['role'][] = ['Owner', 'Administrator', 'Member', 'Member', 'Viewer'];
const statuses: Member['status'][] = ['Active', 'Active', 'Invited', 'Active', 'Suspended'];

export const members: Member[] = Array.from({ length: 24 }, (_, index) => {
  const first = firstNames[index % firstNames.length] ?? 'Ada';
  const last =
    lastNames[(index * 3 + Math.floor(index / firstNames.length)) % lastNames.length] ?? 'Lovelace';
  return {
    id: `usr_${String(index + 1).padStart(3, '0')}`,
    name: `${first} ${last}`,
    email: `${first.toLowerCase()}.${last.toLowerCase()}${index}@example.com`,
    role: roles[index % roles.length] ?? 'Member',
    status: statuses[index % statuses.length] ?? 'Active',
    lastSeen: `2026-03-${String((index % 28) + 1).padStart(2, '0')}`,
  };
});

const statusTone: Record<Member['status'], BadgeTone> = {
  Active: 'success',
  Invited: 'info',
  Suspended: 'danger',
};

export const memberColumns: TableColumn<Member>[] = [
  { id: 'name', header: 'Name', cell: (member) => member.name, sortable: true },
  { id: 'email', header: 'Email', cell: (member) => member.email },
  { id: 'role', header: 'Role', cell: (member) => member.role, sortable: true },
  {
    id: 'status',
    header: 'Status',
    cell: (member) => <Badge tone={statusTone[member.status]}>{member.status}</Badge>,
  },
  { id: 'lastSeen', header: 'Last seen', cell: (member) => member.lastSeen, sortable: true, align: 'end' },
];

export function sortMembers(rows: Member[], sort: TableSort | null): Member[] {
  if (!sort) return rows;
  const key = sort.columnId as keyof Member;
  const factor = sort.direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => a[key].localeCompare(b[key]) * factor);
}
