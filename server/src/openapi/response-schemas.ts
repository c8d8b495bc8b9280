import { SYSTEM_ROLES } from '@bastion/migrations';
import { AUDIT_ACTIONS } from '../audit';
import { PERMISSION_KEYS } from '../permissions';

type Schema = Record<string, unknown>;

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const str = (extra: Schema = {}): Schema => ({ type: 'string', ...extra });
const uuid = str({ format: 'uuid' });
const time = str({ format: 'date-time' });
const nullable = (schema: Schema): Schema => ({ anyOf: [schema, { type: 'null' }] });
const object = (properties: Record<string, Schema>, optional: string[] = []): Schema => ({
  type: 'object',
  properties,
  required: Object.keys(properties).filter((key) => !optional.includes(key)),
  additionalProperties: false,
});
const page = (item: string): Schema =>
  object({ items: { type: 'array', items: ref(item) }, nextCursor: nullable(str()) });
const roleRef = object({ id: uuid, key: str(), name: str() });
const permissionKeys = { type: 'array', items: ref('PermissionKey') };

/**
 * Documented success bodies, referenced by `@RespondsWith(name)`. The authorization matrix validates every
 * 2xx body it receives against these, so the document cannot drift from what the server sends.
 */
export const RESPONSE_SCHEMAS: Record<string, Schema> = {
  Problem: {
    type: 'object',
    description: 'RFC 9457 problem details',
    properties: {
      type: str({ format: 'uri' }),
      title: str(),
      status: { type: 'integer' },
      detail: str(),
      instance: str(),
      requestId: str(),
      errors: { type: 'array', items: object({ field: str(), message: str() }) },
    },
    required: ['type', 'title', 'status', 'detail', 'instance', 'requestId'],
  },
  // Closed vocabularies, published as enums so clients take them from the generated types.
  PermissionKey: str({ enum: [...PERMISSION_KEYS] }),
  SystemRoleKey: str({ enum: SYSTEM_ROLES.map((role) => role.key) }),
  AuditAction: str({ enum: [...AUDIT_ACTIONS] }),
  Liveness: object({ status: str({ enum: ['ok'] }) }),
  Readiness: {
    type: 'object',
    properties: {
      status: str(),
      info: { type: 'object' },
      error: { type: 'object' },
      details: { type: 'object' },
    },
    required: ['status', 'details'],
  },
  SessionUser: object({
    id: uuid,
    email: str({ format: 'email' }),
    displayName: str(),
    isPlatformAdmin: { type: 'boolean' },
  }),
  MyWorkspace: object({ id: uuid, slug: str(), name: str(), role: str() }),
  SessionInfo: object({
    user: ref('SessionUser'),
    csrfToken: str(),
    workspaces: { type: 'array', items: ref('MyWorkspace') },
  }),
  PasswordPolicy: object({ minLength: { type: 'integer' }, maxLength: { type: 'integer' } }),
  Session: object({
    id: uuid,
    device: str(),
    ip: nullable(str()),
    createdAt: time,
    lastSeenAt: time,
    current: { type: 'boolean' },
  }),
  SessionList: page('Session'),
  AdminUser: object({
    id: uuid,
    email: str(),
    displayName: str(),
    isPlatformAdmin: { type: 'boolean' },
    disabled: { type: 'boolean' },
    workspaceCount: { type: 'integer' },
    createdAt: time,
  }),
  AdminUserPage: page('AdminUser'),
  AdminWorkspace: object({
    id: uuid,
    slug: str(),
    name: str(),
    memberCount: { type: 'integer' },
    ownerEmails: { type: 'array', items: str() },
    createdAt: time,
  }),
  AdminWorkspacePage: page('AdminWorkspace'),
  PermissionCatalogue: object({
    permissions: {
      type: 'array',
      items: object({ key: ref('PermissionKey'), label: str(), description: str() }),
    },
    systemRoles: {
      type: 'array',
      items: object({
        key: ref('SystemRoleKey'),
        name: str(),
        description: str(),
        permissions: permissionKeys,
      }),
    },
  }),
  Workspace: object({ id: uuid, slug: str(), name: str(), role: str(), createdAt: time }),
  WorkspacePage: page('Workspace'),
  MyAccess: object({
    workspaceId: uuid,
    role: object({ id: uuid, key: str(), name: str(), isSystem: { type: 'boolean' } }),
    permissions: permissionKeys,
    via: str({ enum: ['user', 'token'] }),
  }),
  Explanation: object({
    allowed: { type: 'boolean' },
    userId: uuid,
    permission: ref('PermissionKey'),
    chain: {
      type: 'array',
      items: object({
        step: str({ enum: ['membership', 'role', 'permission'] }),
        passed: { type: 'boolean' },
        detail: str(),
      }),
    },
  }),
  Flag: object({
    key: str(),
    enabled: { type: 'boolean' },
    defaultEnabled: { type: 'boolean' },
    overridden: { type: 'boolean' },
  }),
  FlagList: page('Flag'),
  Member: object({ userId: uuid, email: str(), displayName: str(), role: roleRef, joinedAt: time }),
  MemberPage: page('Member'),
  Invitation: object({
    id: uuid,
    email: str(),
    role: roleRef,
    invitedBy: nullable(object({ id: uuid, email: str(), displayName: str() })),
    status: str({ enum: ['pending', 'accepted', 'revoked', 'expired'] }),
    expiresAt: time,
    createdAt: time,
  }),
  InvitationList: page('Invitation'),
  IssuedInvitation: object({ invitation: ref('Invitation'), token: str(), acceptPath: str() }),
  InvitationPreview: object({
    workspace: object({ name: str(), slug: str() }),
    email: str(),
    role: object({ key: str(), name: str() }),
    invitedBy: nullable(str()),
    expiresAt: time,
  }),
  AcceptedInvitation: object({ workspaceId: uuid, slug: str(), csrfToken: str() }, ['csrfToken']),
  Role: object({
    id: uuid,
    key: str(),
    name: str(),
    description: str(),
    permissions: permissionKeys,
    isSystem: { type: 'boolean' },
    memberCount: { type: 'integer' },
  }),
  RoleList: page('Role'),
  ApiToken: object({
    id: uuid,
    name: str(),
    prefix: str(),
    permissions: permissionKeys,
    createdBy: uuid,
    createdAt: time,
    expiresAt: nullable(time),
    lastUsedAt: nullable(time),
    revokedAt: nullable(time),
  }),
  ApiTokenList: page('ApiToken'),
  CreatedApiToken: object({ token: str(), apiToken: ref('ApiToken') }),
  AuditEvent: object({
    id: uuid,
    action: ref('AuditAction'),
    actor: object({ id: nullable(str()), kind: str(), email: nullable(str()), displayName: nullable(str()) }),
    target: nullable(object({ type: str(), id: str() })),
    ip: nullable(str()),
    userAgent: nullable(str()),
    requestId: nullable(str()),
    metadata: { type: 'object' },
    createdAt: time,
  }),
  AuditEventPage: page('AuditEvent'),
};
