import { ApiTokenEntity, SessionEntity, UserEntity } from './auth';
import { AuditEventEntity } from './audit';
import { FeatureFlagEntity } from './core/flags/feature-flag.entity';
import { InvitationEntity, MembershipEntity, RoleEntity, WorkspaceEntity } from './workspaces';

/** Every entity of the data model; the schema test checks the migrations produce exactly these. */
export const ENTITIES = [
  UserEntity,
  SessionEntity,
  ApiTokenEntity,
  WorkspaceEntity,
  RoleEntity,
  MembershipEntity,
  InvitationEntity,
  AuditEventEntity,
  FeatureFlagEntity,
];
