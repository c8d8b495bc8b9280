import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuditModule } from '../audit';
import { AccessGuard } from './access.guard';
import { DenialAuditBudget } from './denial-audit-budget';
import { MembershipResolver } from './membership-resolver';
import { PermissionsController } from './permissions.controller';
import { WorkspaceAccessController } from './workspace-access.controller';

@Module({
  imports: [AuditModule],
  controllers: [PermissionsController, WorkspaceAccessController],
  providers: [MembershipResolver, DenialAuditBudget, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [MembershipResolver],
})
export class PermissionsModule {}
