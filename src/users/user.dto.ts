import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { Role } from 'src/auth/role';
import { UserEntity } from 'src/users/user.entity';

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,63}$/;
const USERNAME_MESSAGE = 'username must be 3–64 lower-case letters, digits, dot, underscore or hyphen';

export class CreateUserDto {
  /** @example "mediator_dhm" */
  @IsString()
  @Matches(USERNAME_PATTERN, { message: USERNAME_MESSAGE })
  username!: string;

  /** @example "李调解" */
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  displayName!: string;

  /** At least 10 characters. */
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  password!: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(6)
  @ArrayUnique()
  @IsEnum(Role, { each: true })
  roles!: Role[];

  /** Home unit; must be in the admin's subtree. */
  @IsUUID()
  orgUnitId!: string;
}

export class UpdateUserDto {
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  displayName?: string;

  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(6)
  @ArrayUnique()
  @IsEnum(Role, { each: true })
  roles?: Role[];

  @IsOptional()
  @IsUUID()
  orgUnitId?: string;

  @IsOptional()
  @IsBoolean()
  active?: boolean;

  /** Sets a new password. */
  @IsOptional()
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  password?: string;

  /** The version you read; a stale one answers 409. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version!: number;
}

export class UserResponseDto {
  id!: string;
  username!: string;
  displayName!: string;
  roles!: Role[];
  orgUnitId!: string;
  active!: boolean;
  version!: number;
}

export function toUserResponse(user: UserEntity): UserResponseDto {
  const { id, username, displayName, roles, orgUnitId, active, version } = user;
  return { id, username, displayName, roles, orgUnitId, active, version };
}
