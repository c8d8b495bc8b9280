import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** A per-workspace override of a flag whose default comes from configuration. */
@Entity({ name: 'feature_flags' })
@Unique('feature_flags_workspace_id_key_key', ['workspaceId', 'key'])
export class FeatureFlagEntity {
  @PrimaryGeneratedColumn('uuid', { name: 'id', primaryKeyConstraintName: 'feature_flags_pkey' })
  id: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId: string;

  // Named by string: core cannot import the workspaces feature.
  @ManyToOne('WorkspaceEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id', foreignKeyConstraintName: 'feature_flags_workspace_id_fkey' })
  workspace?: object;

  @Column({ name: 'key', type: 'text' })
  key: string;

  @Column({ name: 'enabled', type: 'boolean' })
  enabled: boolean;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
