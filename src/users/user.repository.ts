import { Injectable } from '@nestjs/common';
import { Principal, Scope } from 'src/auth/principal';
import { isRole, Role } from 'src/auth/role';
import { PREPARE } from 'src/database/preparing-client';
import { DbContext } from 'src/database/db-context';
import { UserEntity } from 'src/users/user.entity';

export interface UserWithUnitPath {
  user: UserEntity;
  unitPath: string;
}

@Injectable()
export class UserRepository {
  constructor(private readonly db: DbContext) {}

  private get repo() {
    return this.db.manager.getRepository(UserEntity);
  }

  /**
   * The principal behind an access token, in one indexed query: the user must be active and the login session
   * not revoked, so logout and refresh-token theft take effect at once, not at token expiry.
   */
  async findActivePrincipal(userId: string, sessionId: string): Promise<Principal | undefined> {
    const rows = await this.db.manager.query<
      { id: string; username: string; roles: string; org_unit_id: string; path: string }[]
    >(
      `${PREPARE} SELECT u.id, u.username, u.roles::text AS roles, u.org_unit_id, o.path
         FROM app_user u
         JOIN org_unit o ON o.id = u.org_unit_id
         JOIN auth_session s ON s.id = $2 AND s.user_id = u.id AND s.revoked_at IS NULL
        WHERE u.id = $1 AND u.active`,
      [userId, sessionId],
    );
    const row = rows[0];
    if (!row) return undefined;
    return {
      userId: row.id,
      username: row.username,
      roles: row.roles.replace(/[{}]/g, '').split(',').filter(isRole),
      unitId: row.org_unit_id,
      unitPath: row.path,
      sessionId,
    };
  }

  async findByUsernameWithUnit(username: string): Promise<UserWithUnitPath | undefined> {
    const user = await this.repo.findOne({ where: { username }, relations: { orgUnit: true } });
    return user?.orgUnit ? { user, unitPath: user.orgUnit.path } : undefined;
  }

  async findInScope(id: string, scope: Scope): Promise<UserEntity | null> {
    return this.repo
      .createQueryBuilder('u')
      .innerJoin('u.orgUnit', 'o')
      .where('u.id = :id AND o.path LIKE :prefix', { id, prefix: `${scope.unitPath}%` })
      .getOne();
  }

  async listInScope(scope: Scope, limit: number, offset: number): Promise<[UserEntity[], number]> {
    return this.repo
      .createQueryBuilder('u')
      .innerJoin('u.orgUnit', 'o')
      .where('o.path LIKE :prefix', { prefix: `${scope.unitPath}%` })
      .orderBy('u.username', 'ASC')
      .take(limit)
      .skip(offset)
      .getManyAndCount();
  }

  /** Active accounts whose home unit is `unitId`, optionally holding `role`, by display name. */
  async activeOfUnit(unitId: string, role: Role | undefined, limit: number): Promise<UserEntity[]> {
    const query = this.repo
      .createQueryBuilder('u')
      .where('u.org_unit_id = :unitId AND u.active', { unitId })
      .orderBy('u.display_name', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .limit(limit);
    if (role !== undefined) query.andWhere(':role = ANY(u.roles)', { role });
    return query.getMany();
  }

  async usernameExists(username: string): Promise<boolean> {
    return this.repo.exists({ where: { username } });
  }

  async insert(user: Pick<UserEntity, 'username' | 'displayName' | 'passwordHash' | 'roles' | 'orgUnitId'>) {
    return this.repo.save(this.repo.create({ ...user, active: true }));
  }

  /** Conditional UPDATE on the version the caller saw; false when it changed meanwhile. */
  async update(
    id: string,
    version: number,
    changes: Partial<Pick<UserEntity, 'displayName' | 'roles' | 'orgUnitId' | 'active' | 'passwordHash'>>,
  ): Promise<boolean> {
    const result = await this.repo
      .createQueryBuilder()
      .update()
      .set({ ...changes, version: () => 'version + 1' })
      .where('id = :id AND version = :version', { id, version })
      .execute();
    return (result.affected ?? 0) === 1;
  }
}
