import { Injectable } from '@nestjs/common';
import { Scope } from 'src/auth/principal';
import { DbContext } from 'src/database/db-context';
import { OrgUnitEntity, OrgUnitKind } from 'src/org-units/org-unit.entity';

export interface OrgUnitFilter {
  parentId?: string;
  kind?: OrgUnitKind;
  limit: number;
  offset: number;
}

/** Every read takes the caller's scope: a unit outside the subtree does not exist for them. */
@Injectable()
export class OrgUnitRepository {
  constructor(private readonly db: DbContext) {}

  private get repo() {
    return this.db.manager.getRepository(OrgUnitEntity);
  }

  async findInScope(id: string, scope: Scope): Promise<OrgUnitEntity | null> {
    return this.repo
      .createQueryBuilder('u')
      .where('u.id = :id AND u.path LIKE :prefix', { id, prefix: `${scope.unitPath}%` })
      .getOne();
  }

  async listInScope(scope: Scope, filter: OrgUnitFilter): Promise<[OrgUnitEntity[], number]> {
    const query = this.repo
      .createQueryBuilder('u')
      .where('u.path LIKE :prefix', { prefix: `${scope.unitPath}%` })
      .orderBy('u.path', 'ASC')
      .take(filter.limit)
      .skip(filter.offset);
    if (filter.parentId !== undefined) query.andWhere('u.parent_id = :parentId', { parentId: filter.parentId });
    if (filter.kind !== undefined) query.andWhere('u.kind = :kind', { kind: filter.kind });
    return query.getManyAndCount();
  }

  /** The units directly below a unit (the district ranking's rows); the caller has checked the parent's scope. */
  async findChildren(parentId: string): Promise<OrgUnitEntity[]> {
    return this.repo.find({ where: { parentId }, order: { code: 'ASC' } });
  }

  /** Unscoped: for routing decisions only, never for answering a caller. */
  async findById(id: string): Promise<OrgUnitEntity | null> {
    return this.repo.findOneBy({ id });
  }

  async codeExists(code: string): Promise<boolean> {
    return this.repo.exists({ where: { code } });
  }

  async findByCode(code: string): Promise<OrgUnitEntity | null> {
    return this.repo.findOneBy({ code });
  }

  /** Inserts a unit and sets its materialized path from its parent's (or as a root). */
  async insert(unit: Pick<OrgUnitEntity, 'code' | 'nameZh' | 'nameEn' | 'kind'>, parent: OrgUnitEntity | null) {
    const id = (await this.db.manager.query<{ id: string }[]>('SELECT gen_random_uuid() AS id'))[0]?.id ?? '';
    const entity = this.repo.create({
      ...unit,
      id,
      parentId: parent?.id ?? null,
      path: `${parent?.path ?? '/'}${id}/`,
      depth: parent ? parent.depth + 1 : 0,
    });
    return this.repo.save(entity);
  }

  /** Conditional on the version the caller saw; false when someone changed it first. */
  async updateNames(id: string, version: number, names: { nameZh?: string; nameEn?: string }): Promise<boolean> {
    const result = await this.repo
      .createQueryBuilder()
      .update()
      .set({ ...names, version: () => 'version + 1' })
      .where('id = :id AND version = :version', { id, version })
      .execute();
    return (result.affected ?? 0) === 1;
  }
}
