import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { WorkspaceEntity } from './workspace.entity';

/**
 * System roles (owner, admin, member, viewer) have no workspace and take their permissions from the code
 * catalogue; custom roles belong to one workspace and store their permission keys.
 */
@Entity({ name: 'roles' })
@Unique('roles_workspace_id_key_key', ['workspaceId', 'key'])
export class RoleEntity {
  @PrimaryGeneratedColumn('uuid', { name: 'id', primaryKeyConstraintName: 'roles_pkey' })
  id: string;

  @Column({ name: 'workspace_id', type: 'uuid', nullable: true })
  workspaceId: string | null;

  @ManyToOne(() => WorkspaceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id', foreignKeyConstraintName: 'roles_workspace_id_fkey' })
  workspace?: WorkspaceEntity;

  @Column({ name: 'key', type: 'text' })
  key: string;

  @Column({ name: 'name', type: 'text' })
  name: string;

  @Column({ name: 'description', type: 'text', default: '' })
  description: string;

  @Column({ name: 'permissions', type: 'text', array: true, default: () => "'{}'" })
  permissions: string[];

  @Column({ name: 'is_system', type: 'boolean', default: false })
  isSystem: boolean;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
