export { AuditEventEntity } from './audit-event.entity';
export { AuditModule } from './audit.module';
export { AuditService } from './audit.service';
export type { AuditRecord, ActorKind } from './audit.service';
