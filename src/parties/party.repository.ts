import { Injectable } from '@nestjs/common';
import { Scope } from 'src/auth/principal';
import { DbContext } from 'src/database/db-context';
import { PartyEntity } from 'src/parties/party.entity';

const LOOKUP_LIMIT = 20;

@Injectable()
export class PartyRepository {
  constructor(private readonly db: DbContext) {}

  private get repo() {
    return this.db.manager.getRepository(PartyEntity);
  }

  private scoped(scope: Scope) {
    return this.repo
      .createQueryBuilder('p')
      .innerJoin('p.orgUnit', 'o')
      .where('o.path LIKE :prefix', { prefix: `${scope.unitPath}%` });
  }

  async insert(
    party: Omit<PartyEntity, 'id' | 'version' | 'createdAt' | 'updatedAt' | 'orgUnit'>,
  ): Promise<PartyEntity> {
    const result = await this.repo
      .createQueryBuilder()
      .insert()
      .values(party)
      .returning(['id', 'version', 'created_at', 'updated_at'])
      .execute();
    const row = (result.raw as { id: string; version: number; created_at: Date; updated_at: Date }[])[0];
    if (!row) throw new Error('party insert returned nothing');
    return Object.assign(new PartyEntity(), party, {
      id: row.id,
      version: row.version,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    });
  }

  async findInScope(id: string, scope: Scope): Promise<PartyEntity | null> {
    return this.scoped(scope).andWhere('p.id = :id', { id }).getOne();
  }

  async listInScope(scope: Scope, limit: number, offset: number): Promise<[PartyEntity[], number]> {
    return this.scoped(scope)
      .orderBy('p.createdAt', 'DESC')
      .addOrderBy('p.id')
      .take(limit)
      .skip(offset)
      .getManyAndCount();
  }

  /** Exact match on the phone's blind index, in scope. */
  async findByPhoneIndexInScope(phoneIndex: string, scope: Scope): Promise<PartyEntity[]> {
    return this.scoped(scope)
      .andWhere('p.phone_index = :phoneIndex', { phoneIndex })
      .orderBy('p.createdAt', 'DESC')
      .take(LOOKUP_LIMIT)
      .getMany();
  }
}
