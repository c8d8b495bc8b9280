import { Module } from '@nestjs/common';
import { AuditModule } from '../audit';
import { AccessGuard } from './access.guard';
import { DenialAuditBudget } from './denial-audit-budget';
import { MembershipResolver } from './membership-resolver';
import { PermissionsController } from './permissions.controller';
import { WorkspaceAccessController } from './workspace-access.controller';

@Module({
  imports: [AuditModule],
  controllers: [PermissionsController, WorkspaceAccessController],
  providers: [MembershipResolver, DenialAuditBudget, AccessGuard],
  exports: [MembershipResolver, AccessGuard],
})
export class PermissionsModule {}
