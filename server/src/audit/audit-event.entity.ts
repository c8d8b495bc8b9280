import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Append-only: a trigger refuses UPDATE and DELETE. Workspace and actor ids carry no foreign key on
 * purpose, so history outlives the rows it talks about.
 */
@Entity({ name: 'audit_events' })
@Index('audit_events_workspace_id_created_at_idx', ['workspaceId', 'createdAt', 'id'])
@Check('audit_events_actor_kind_check', `"actor_kind" IN ('user', 'token', 'system', 'anonymous')`)
export class AuditEventEntity {
  @PrimaryGeneratedColumn('uuid', { name: 'id', primaryKeyConstraintName: 'audit_events_pkey' })
  id: string;

  @Column({ name: 'workspace_id', type: 'uuid', nullable: true })
  workspaceId: string | null;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ name: 'actor_kind', type: 'text' })
  actorKind: 'user' | 'token' | 'system' | 'anonymous';

  @Column({ name: 'action', type: 'text' })
  action: string;

  @Column({ name: 'target_type', type: 'text', nullable: true })
  targetType: string | null;

  @Column({ name: 'target_id', type: 'text', nullable: true })
  targetId: string | null;

  @Column({ name: 'ip', type: 'inet', nullable: true })
  ip: string | null;

  @Column({ name: 'user_agent', type: 'text', nullable: true })
  userAgent: string | null;

  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId: string | null;

  @Column({ name: 'metadata', type: 'jsonb', default: () => "'{}'" })
  metadata: Record<string, unknown>;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
