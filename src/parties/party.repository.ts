import { Injectable } from '@nestjs/common';
import { Scope } from 'src/auth/principal';
import { DbContext } from 'src/database/db-context';
import { PartyEntity } from 'src/parties/party.entity';

const LOOKUP_LIMIT = 20;

/** A party's protected fields as stored: what key rotation reads and rewrites. */
export interface StoredPii {
  id: string;
  phoneCipher: string | null;
  phoneIndex: string | null;
  idNumberCipher: string | null;
  idNumberIndex: string | null;
}

@Injectable()
export class PartyRepository {
  constructor(private readonly db: DbContext) {}

  private get repo() {
    return this.db.manager.getRepository(PartyEntity);
  }

  /**
   * Parties in the caller's scope: recorded in their subtree, or the worker of a case in it (a case taken at the
   * city and dispatched to a street union brings its worker with it: the mediator must be able to call the worker,
   * and a repeat call must find the same party). `case.owner_path` needs no join.
   */
  private scoped(scope: Scope, withUnit = false) {
    const query = this.repo.createQueryBuilder('p');
    return (withUnit ? query.innerJoinAndSelect('p.orgUnit', 'o') : query.innerJoin('p.orgUnit', 'o')).where(
      `(o.path LIKE :prefix OR EXISTS (SELECT 1 FROM "case" c WHERE c.worker_party_id = p.id AND c.owner_path LIKE :prefix))`,
      { prefix: `${scope.unitPath}%` },
    );
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

  /** With its unit (the reveal files its audit entry by the unit's path). */
  async findInScope(id: string, scope: Scope): Promise<PartyEntity | null> {
    return this.scoped(scope, true).andWhere('p.id = :id', { id }).getOne();
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

  /** Parties holding a phone or an ID number, by id after `after`: a page for key rotation. */
  async piiPage(after: string | null, limit: number): Promise<StoredPii[]> {
    const rows = await this.db.manager.query<
      {
        id: string;
        phone_cipher: string | null;
        phone_index: string | null;
        id_number_cipher: string | null;
        id_number_index: string | null;
      }[]
    >(
      `SELECT id, phone_cipher, phone_index, id_number_cipher, id_number_index FROM party
        WHERE (phone_cipher IS NOT NULL OR id_number_cipher IS NOT NULL) AND ($1::uuid IS NULL OR id > $1)
        ORDER BY id LIMIT $2`,
      [after, limit],
    );
    return rows.map((r) => ({
      id: r.id,
      phoneCipher: r.phone_cipher,
      phoneIndex: r.phone_index,
      idNumberCipher: r.id_number_cipher,
      idNumberIndex: r.id_number_index,
    }));
  }

  /**
   * Rewrites protected fields in one statement, each row only if its ciphertexts are still the ones read (a party
   * edited meanwhile keeps the edit; its new values are under the active key already). Version and update time
   * stay: the party's data did not change. Returns how many rows were written.
   */
  async replacePii(rows: { read: StoredPii; next: StoredPii }[]): Promise<number> {
    if (rows.length === 0) return 0;
    const column = (pick: (row: { read: StoredPii; next: StoredPii }) => string | null) => rows.map(pick);
    const [, affected] = await this.db.manager.query<[unknown[], number]>(
      `UPDATE party p SET phone_cipher = u.phone_cipher, phone_index = u.phone_index,
              id_number_cipher = u.id_number_cipher, id_number_index = u.id_number_index
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
              AS u(id, phone_cipher, phone_index, id_number_cipher, id_number_index, old_phone, old_id_number)
        WHERE p.id = u.id AND p.phone_cipher IS NOT DISTINCT FROM u.old_phone
          AND p.id_number_cipher IS NOT DISTINCT FROM u.old_id_number`,
      [
        column((r) => r.next.id),
        column((r) => r.next.phoneCipher),
        column((r) => r.next.phoneIndex),
        column((r) => r.next.idNumberCipher),
        column((r) => r.next.idNumberIndex),
        column((r) => r.read.phoneCipher),
        column((r) => r.read.idNumberCipher),
      ],
    );
    return affected;
  }
}
