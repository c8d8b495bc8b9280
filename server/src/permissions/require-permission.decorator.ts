import { SetMetadata } from '@nestjs/common';
import type { PermissionKey } from './permission-catalogue';

export const REQUIRED_PERMISSION = 'access:permission';

/**
 * The route acts on `/workspaces/:workspaceId/...` and needs this permission there. The caller's membership
 * is resolved on every request, so a demotion or removal applies to the very next one.
 */
export const RequirePermission = (permission: PermissionKey) => SetMetadata(REQUIRED_PERMISSION, permission);
