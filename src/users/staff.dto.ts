import { IsEnum, IsOptional } from 'class-validator';
import { Role } from 'src/auth/role';
import { UserEntity } from 'src/users/user.entity';

export class ListStaffQueryDto {
  /** Only the accounts holding this role. */
  @IsOptional()
  @IsEnum(Role, { message: `role must be one of: ${Object.values(Role).join(', ')}` })
  role?: Role;
}

/** Someone a case can be given to or a session recorded with: no username, no phone. */
export class StaffMemberDto {
  id!: string;
  /** @example "李调解" */
  displayName!: string;
  roles!: Role[];
}

export function toStaffMember(user: Pick<UserEntity, 'id' | 'displayName' | 'roles'>): StaffMemberDto {
  return { id: user.id, displayName: user.displayName, roles: user.roles };
}
