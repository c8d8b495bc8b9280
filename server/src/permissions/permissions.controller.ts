import { RespondsWith } from '../core/http';
import { Controller, Get } from '@nestjs/common';
import { SYSTEM_ROLES } from '@bastion/migrations';
import { Authenticated } from '../auth';
import { PERMISSIONS, SYSTEM_ROLE_PERMISSIONS } from './permission-catalogue';

export interface PermissionCatalogueView {
  permissions: { key: string; label: string; description: string }[];
  systemRoles: { key: string; name: string; description: string; permissions: readonly string[] }[];
}

@Controller('permissions')
export class PermissionsController {
  /** The permission catalogue and what each system role allows. */
  @Get()
  @Authenticated()
  @RespondsWith('PermissionCatalogue')
  catalogue(): PermissionCatalogueView {
    return {
      permissions: PERMISSIONS.map((p) => ({ ...p })),
      systemRoles: SYSTEM_ROLES.map((role) => ({
        key: role.key,
        name: role.name,
        description: role.description,
        permissions: SYSTEM_ROLE_PERMISSIONS[role.key],
      })),
    };
  }
}
