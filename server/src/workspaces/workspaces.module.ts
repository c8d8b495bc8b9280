import { Module } from '@nestjs/common';
import { AuditModule } from '../audit';
import { AuthModule } from '../auth';
import { FlagsService } from '../core/flags/flags.service';
import { PermissionsModule } from '../permissions';
import { ApiTokensController } from './api-tokens.controller';
import { AuditLogController } from './audit-log.controller';
import { AuditLogService } from './audit-log.service';
import { FlagsController } from './flags.controller';
import { InvitationAcceptanceController, InvitationsController } from './invitations.controller';
import { InvitationsService } from './invitations.service';
import { MembersController } from './members.controller';
import { MembersService } from './members.service';
import { RolesController } from './roles.controller';
import { RolesService } from './roles.service';
import { WorkspaceRules } from './workspace-rules';
import { AdminWorkspacesController, WorkspacesController } from './workspaces.controller';
import { WorkspacesService } from './workspaces.service';

@Module({
  imports: [AuditModule, AuthModule, PermissionsModule],
  controllers: [
    WorkspacesController,
    AdminWorkspacesController,
    MembersController,
    InvitationsController,
    InvitationAcceptanceController,
    RolesController,
    ApiTokensController,
    AuditLogController,
    FlagsController,
  ],
  providers: [
    AuditLogService,
    FlagsService,
    InvitationsService,
    MembersService,
    RolesService,
    WorkspaceRules,
    WorkspacesService,
  ],
})
export class WorkspacesModule {}
