export { AuditEventEntity } from './audit-event.entity';
export { AuditModule } from './audit.module';
export { AuditService } from './audit.service';
export { AUDIT_ACTIONS } from './audit-actions';
export type { AuditAction } from './audit-actions';
export type { AuditRecord, ActorKind } from './audit.service';
