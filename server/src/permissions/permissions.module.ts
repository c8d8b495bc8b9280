import { Module } from '@nestjs/common';
import { AuditModule } from '../audit';
import { AuthModule } from '../auth';
import { AccessGuard } from './access.guard';
import { DenialAuditBudget } from './denial-audit-budget';
import { MembershipResolver } from './membership-resolver';
import { BearerStrategy } from './strategies/bearer.strategy';
import { SessionStrategy } from './strategies/session.strategy';
import { PermissionsController } from './permissions.controller';
import { WorkspaceAccessController } from './workspace-access.controller';

@Module({
  imports: [AuditModule, AuthModule],
  controllers: [PermissionsController, WorkspaceAccessController],
  providers: [MembershipResolver, DenialAuditBudget, AccessGuard, SessionStrategy, BearerStrategy],
  exports: [MembershipResolver, AccessGuard],
})
export class PermissionsModule {}
