import { Transform } from 'class-transformer';
import { IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

export class UpdateProfileDto {
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  displayName: string;
}

export class ChangePasswordDto {
  @IsString()
  @MinLength(1)
  @MaxLength(4096)
  currentPassword: string;

  @IsString()
  @MinLength(1)
  @MaxLength(4096)
  newPassword: string;
}

export class SessionParams {
  @IsUUID('4')
  id: string;
}
