import { Injectable } from '@nestjs/common';
import { AuditAction, AuditService } from 'src/audit/audit.service';
import { PasswordHasher } from 'src/users/password-hasher';
import { Actor } from 'src/auth/principal';
import { DomainError } from 'src/common/errors/domain.error';
import { ErrorCode } from 'src/common/errors/error-code';
import { Page, PageQueryDto } from 'src/common/http/page.dto';
import { DbContext } from 'src/database/db-context';
import { OrgUnitService } from 'src/org-units/org-unit.service';
import { CreateUserDto, toUserResponse, UpdateUserDto, UserResponseDto } from 'src/users/user.dto';
import { UserEntity } from 'src/users/user.entity';
import { UserRepository } from 'src/users/user.repository';

@Injectable()
export class UserService {
  constructor(
    private readonly db: DbContext,
    private readonly users: UserRepository,
    private readonly units: OrgUnitService,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
  ) {}

  private async requireInScope(actor: Actor, id: string): Promise<UserEntity> {
    const user = await this.users.findInScope(id, actor.principal);
    if (!user) throw new DomainError(ErrorCode.NotFound, 'User not found');
    return user;
  }

  async get(actor: Actor, id: string): Promise<UserResponseDto> {
    return toUserResponse(await this.requireInScope(actor, id));
  }

  async list(actor: Actor, page: PageQueryDto): Promise<Page<UserResponseDto>> {
    const [items, total] = await this.users.listInScope(actor.principal, page.limit, page.offset);
    return { items: items.map(toUserResponse), total, limit: page.limit, offset: page.offset };
  }

  async create(actor: Actor, dto: CreateUserDto): Promise<UserResponseDto> {
    const passwordHash = await this.hasher.hash(dto.password);
    return this.db.transaction(async () => {
      const unit = await this.units.requireInScope(dto.orgUnitId, actor.principal);
      if (await this.users.usernameExists(dto.username)) {
        throw new DomainError(ErrorCode.Conflict, `Username ${dto.username} is taken`);
      }
      const user = await this.users.insert({
        username: dto.username,
        displayName: dto.displayName,
        roles: dto.roles,
        orgUnitId: unit.id,
        passwordHash,
      });
      await this.audit.record(actor, {
        action: AuditAction.UserCreate,
        targetType: 'user',
        targetId: user.id,
        scopePath: unit.path,
        detail: { username: user.username, roles: user.roles, orgUnitId: unit.id },
      });
      return toUserResponse(user);
    });
  }

  async update(actor: Actor, id: string, dto: UpdateUserDto): Promise<UserResponseDto> {
    const passwordHash = dto.password === undefined ? undefined : await this.hasher.hash(dto.password);
    return this.db.transaction(async () => {
      const user = await this.requireInScope(actor, id);
      const target = await this.units.requireInScope(dto.orgUnitId ?? user.orgUnitId, actor.principal);
      const changed = await this.users.update(id, dto.version, {
        displayName: dto.displayName,
        roles: dto.roles,
        orgUnitId: dto.orgUnitId,
        active: dto.active,
        passwordHash,
      });
      if (!changed) {
        throw new DomainError(ErrorCode.Conflict, 'User was changed by someone else; reload and retry', {
          currentVersion: user.version,
        });
      }
      await this.audit.record(actor, {
        action: AuditAction.UserUpdate,
        targetType: 'user',
        targetId: id,
        scopePath: target.path,
        detail: { fields: Object.keys(dto).filter((key) => key !== 'version') },
      });
      return toUserResponse(await this.requireInScope(actor, id));
    });
  }
}
