export { PermissionsModule } from './permissions.module';
export { MembershipResolver } from './membership-resolver';
export { RequirePermission, REQUIRED_PERMISSION } from './require-permission.decorator';
export { Workspace } from './workspace-context';
export type { WorkspaceContext } from './workspace-context';
export { AccessGuard, workspaceNotFound } from './access.guard';
export {
  PERMISSIONS,
  PERMISSION_KEYS,
  SYSTEM_ROLE_PERMISSIONS,
  isPermissionKey,
  permissionsOfRole,
} from './permission-catalogue';
export type { PermissionKey } from './permission-catalogue';
export { renderPermissionMatrix } from './permission-matrix';
