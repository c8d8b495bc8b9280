import { SYSTEM_ROLES } from '@bastion/migrations';
import { PERMISSIONS, SYSTEM_ROLE_PERMISSIONS } from './permission-catalogue';

/** The role × permission matrix in docs/05-dashboard, rendered from the catalogue (never hand-copied). */
export function renderPermissionMatrix(): string {
  const header = `| Permission | ${SYSTEM_ROLES.map((r) => r.name).join(' | ')} | Description |`;
  const divider = `| --- | ${SYSTEM_ROLES.map(() => ':---:').join(' | ')} | --- |`;
  const rows = PERMISSIONS.map(
    (p) =>
      `| \`${p.key}\` | ${SYSTEM_ROLES.map((r) => (SYSTEM_ROLE_PERMISSIONS[r.key].includes(p.key) ? '✓' : '—')).join(' | ')} | ${p.description} |`,
  );
  return [
    '# Permission matrix',
    '',
    '<!-- Generated from server/src/permissions/permission-catalogue.ts by `npm run generate`; do not edit by hand. -->',
    '',
    'What each system role allows. Custom roles hold any subset chosen in the role editor (every role can at least',
    'read its workspace); nobody can create, assign, edit, invite to or renew an invitation to a role holding a',
    'permission they lack. Acting on someone (changing their role, removing them, revoking their invitation or',
    'API token) needs every permission of their role. Only owners may give the owner role, transfer ownership',
    'or act on other owners; an API token acts as an owner only while it holds every permission.',
    '',
    header,
    divider,
    ...rows,
    '',
    '## System roles',
    '',
    ...SYSTEM_ROLES.map((r) => `- **${r.name}** (\`${r.key}\`): ${r.description}`),
    '',
  ].join('\n');
}
