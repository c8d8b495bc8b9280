import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { IsRfc3339Timestamp } from '../../core/validation/rfc3339.decorator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export const SLUG_PATTERN = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
const SLUG_MESSAGE =
  'slug must be 1–63 lowercase letters, digits or hyphens, not starting or ending with a hyphen';
const ROLE_KEY = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
// Permission keys are at most 19 characters; an unknown one is echoed back in the refusal, so bound it.
const PERMISSION_KEY_MAX_LENGTH = 64;

export class WorkspaceParams {
  @IsUUID('all')
  workspaceId: string;
}

export class SlugParams {
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  slug: string;
}

export class MemberParams extends WorkspaceParams {
  @IsUUID('all')
  userId: string;
}

export class InvitationParams extends WorkspaceParams {
  @IsUUID('all')
  invitationId: string;
}

export class RoleParams extends WorkspaceParams {
  @IsUUID('all')
  roleId: string;
}

export class TokenParams extends WorkspaceParams {
  @IsUUID('all')
  tokenId: string;
}

export class FlagParams extends WorkspaceParams {
  @Matches(/^[a-z0-9][a-z0-9-]{0,62}$/)
  key: string;
}

export class CreateWorkspaceDto {
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  slug: string;
}

export class UpdateWorkspaceDto {
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name?: string;

  @IsOptional()
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  slug?: string;
}

export class DeleteWorkspaceDto {
  /** The workspace's slug, typed back to confirm. */
  @IsString()
  @MaxLength(63)
  confirmSlug: string;
}

export class TransferOwnershipDto {
  @IsUUID('all')
  userId: string;
}

export class PageQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,300}$/, { message: 'cursor is invalid' })
  cursor?: string;
}

export class ListQuery extends PageQuery {
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;
}

export class UpdateMemberRoleDto {
  @Matches(ROLE_KEY, { message: 'role must be a role key' })
  role: string;
}

export class CreateInvitationDto {
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(320)
  email: string;

  @Matches(ROLE_KEY, { message: 'role must be a role key' })
  role: string;
}

export class AcceptInvitationDto {
  @Matches(/^[A-Za-z0-9_-]{43}$/, { message: 'token is not an invitation token' })
  token: string;

  /** For someone without an account: the name to sign up with. */
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  displayName?: string;

  /** For someone without an account: the password to sign up with (the password policy applies). */
  @IsOptional()
  @IsString()
  @MaxLength(4096)
  password?: string;
}

export class InvitationTokenParams {
  @Matches(/^[A-Za-z0-9_-]{43}$/, { message: 'token is not an invitation token' })
  token: string;
}

export class CreateRoleDto {
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(60)
  name: string;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(300)
  description?: string;

  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(PERMISSION_KEY_MAX_LENGTH, { each: true })
  permissions: string[];
}

export class UpdateRoleDto {
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(60)
  name?: string;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(300)
  description?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(PERMISSION_KEY_MAX_LENGTH, { each: true })
  permissions?: string[];
}

export class DeleteRoleQuery {
  /** Role key that members and invitations holding the deleted role move to. */
  @IsOptional()
  @Matches(ROLE_KEY, { message: 'replacement must be a role key' })
  replacement?: string;
}

export class CreateApiTokenDto {
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(PERMISSION_KEY_MAX_LENGTH, { each: true })
  permissions: string[];

  /** Days until the token stops working; omit for no expiry. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  expiresInDays?: number;
}

export class AuditQuery extends PageQuery {
  @IsOptional()
  @Matches(/^[a-z_.-]{1,100}$/, { message: 'action must be an action name such as member.removed' })
  action?: string;

  @IsOptional()
  @IsUUID('all')
  actorId?: string;

  @IsOptional()
  @IsRfc3339Timestamp()
  from?: string;

  @IsOptional()
  @IsRfc3339Timestamp()
  to?: string;
}

export class SetFlagDto {
  @IsBoolean()
  enabled: boolean;
}
