/**
 * Shapes of the API's answers, named once from the types generated out of the server's OpenAPI document
 * (`npm run api:types`). Screens import them from here, never from the generated file.
 */
import type { components } from './schema.generated';

export type Schema = components['schemas'];

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type SessionUser = Schema['SessionUser'];
export type MyWorkspace = Schema['MyWorkspace'];
export type SessionInfo = Schema['SessionInfo'];
export type PasswordPolicy = Schema['PasswordPolicy'];
export type DeviceSession = Schema['Session'];
export type Workspace = Schema['Workspace'];
export type MyAccess = Schema['MyAccess'];
export type PermissionCatalogue = Schema['PermissionCatalogue'];
export type PermissionInfo = PermissionCatalogue['permissions'][number];
export type Member = Schema['Member'];
export type Invitation = Schema['Invitation'];
export type InvitationStatus = Invitation['status'];
export type IssuedInvitation = Schema['IssuedInvitation'];
export type PublicInvitation = Schema['InvitationPreview'];
export type AcceptedInvitation = Schema['AcceptedInvitation'];
export type Role = Schema['Role'];
export type ApiToken = Schema['ApiToken'];
export type CreatedApiToken = Schema['CreatedApiToken'];
export type AuditEvent = Schema['AuditEvent'];
export type AdminUser = Schema['AdminUser'];
export type AdminWorkspace = Schema['AdminWorkspace'];
export type Flag = Schema['Flag'];
export type Explanation = Schema['Explanation'];
