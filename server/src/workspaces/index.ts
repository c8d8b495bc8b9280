export { WorkspaceEntity } from './workspace.entity';
export { RoleEntity } from './role.entity';
export { MembershipEntity } from './membership.entity';
export { InvitationEntity } from './invitation.entity';
export { WorkspacesModule } from './workspaces.module';
