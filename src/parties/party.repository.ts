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

  async insert(party: Omit<PartyEntity, 'id' | 'version' | 'createdAt' | 'updatedAt' | 'orgUnit'>) {
    return this.repo.save(this.repo.create(party));
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
