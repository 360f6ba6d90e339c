import type { CaseChange } from 'src/cases/case-change';
import { Injectable } from '@nestjs/common';
import { Scope } from 'src/auth/principal';
import { CaseClaimEntity } from 'src/cases/case-claim.entity';
import { CaseLinkEntity } from 'src/cases/case-link.entity';
import { CaseEntity } from 'src/cases/case.entity';
import { CaseStatus } from 'src/cases/case.enums';
import { DbContext } from 'src/database/db-context';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

export type NewCase = Omit<
  CaseEntity,
  'id' | 'number' | 'version' | 'createdAt' | 'updatedAt' | 'orgUnit' | 'workerParty' | 'employer'
>;
export type NewClaim = Pick<CaseClaimEntity, 'type' | 'amountFen' | 'note'>;

export interface CaseFilter {
  scopePath: string;
  /** Only the cases this unit owns itself, not those of the units below it. */
  ownerUnitId?: string;
  status?: CaseStatus;
  kind?: string;
  category?: string;
  priority?: string;
  channel?: string;
  receivedFrom?: Date;
  receivedTo?: Date;
  open?: boolean;
  outcome?: string;
  collective?: boolean;
  /** Half-open instant ranges on the dates the report figures are counted by. */
  dated?: Partial<Record<CaseDateBasis, { from?: Date; to?: Date }>>;
  breachedTimer?: string;
  /** Closed, with a callback clock started, and no callback recorded since the case (last) closed. */
  awaitingCallback?: boolean;
  employerId?: string;
  number?: string;
  text?: string;
  after?: { receivedAt: Date; id: string };
  limit: number;
}

/** A case list's filters, without the page position. */
export type CaseCriteria = Omit<CaseFilter, 'after' | 'limit'>;

export type CaseDateBasis = 'closed' | 'callback' | 'paid' | 'firstPaid' | 'breached';

const SHANGHAI_DAY = (param: string): string => `(CAST(:${param} AS timestamptz) AT TIME ZONE 'Asia/Shanghai')::date`;

/**
 * Each basis as a condition on one half-open range [from, to); either end may be absent. A case cannot close or be
 * called back before it was received, so those also bound received_at: the list's (received_at, id) index then
 * skips every newer case instead of probing each. (A limitation clock can breach before intake: no such bound.)
 */
const DATE_BASIS: Record<CaseDateBasis, (from: string, to: string, timer: string) => string> = {
  closed: (from, to) =>
    `c.status = 'closed' AND c.closed_at >= ${from} AND c.closed_at < ${to} AND c.received_at < ${to}`,
  callback: (from, to) =>
    `c.received_at < ${to} AND EXISTS (SELECT 1 FROM case_callback cb WHERE cb.case_id = c.id AND cb.recorded_at >= ${from} AND cb.recorded_at < ${to})`,
  paid: (from, to) =>
    `EXISTS (SELECT 1 FROM payment p WHERE p.case_id = c.id AND p.paid_on >= ${from} AND p.paid_on < ${to})`,
  firstPaid: (from, to) =>
    `c.recovered_fen > 0 AND EXISTS (SELECT 1 FROM payment p WHERE p.case_id = c.id AND p.amount_fen > 0
       HAVING min(p.paid_on) >= ${from} AND min(p.paid_on) < ${to})`,
  breached: (from, to, timer) =>
    `EXISTS (SELECT 1 FROM case_timer t WHERE t.case_id = c.id AND t.breached_at >= ${from} AND t.breached_at < ${to} ${timer})`,
};
const DAY_BASES: readonly CaseDateBasis[] = ['paid', 'firstPaid'];

/**
 * The 回访 rule: closing starts a callback clock (a consultation answered on the spot gets none) and recording a
 * callback stops it and sets last_callback_result, which a reopening clears. A clock that breached stays breached
 * after a late callback, so the clock alone does not say the callback is still owed. Literal values: the partial
 * index idx_case_awaiting_callback has the same predicate.
 */
const AWAITING_CALLBACK = `(c.status = 'closed' AND c.last_callback_result IS NULL
  AND EXISTS (SELECT 1 FROM case_timer cbt WHERE cbt.case_id = c.id AND cbt.timer = 'callback'
              AND cbt.state IN ('running', 'paused', 'breached')))`;

function likeFragment(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

@Injectable()
export class CaseRepository {
  constructor(private readonly db: DbContext) {}

  private get repo() {
    return this.db.manager.getRepository(CaseEntity);
  }

  /** Inserts a case numbered GD-<year>-<6 digits> from the year's sequence, in the same statement. */
  async insert(entity: NewCase, year: number): Promise<CaseEntity> {
    if (!Number.isInteger(year)) throw new Error('year must be an integer');
    const result = await this.repo
      .createQueryBuilder()
      .insert()
      // Padded to six digits, never cut: plain lpad would truncate a year's millionth case number.
      .values({
        ...entity,
        number: () =>
          `(SELECT 'GD-${year}-' || lpad(n::text, greatest(6, length(n::text)), '0') FROM next_case_seq(${year}) AS n)`,
      })
      .returning(['id', 'number', 'version', 'created_at', 'updated_at'])
      .execute();
    const row = (
      result.raw as { id: string; number: string; version: number; created_at: Date; updated_at: Date }[]
    )[0];
    if (!row) throw new Error('case insert returned nothing');
    return Object.assign(new CaseEntity(), entity, {
      id: row.id,
      number: row.number,
      version: row.version,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    });
  }

  /** The committed version now: what a client that lost a race must reload to. */
  async versionOf(id: string): Promise<number | undefined> {
    const rows = await this.db.manager.query<{ version: number }[]>('SELECT version FROM "case" WHERE id = $1', [id]);
    return rows[0]?.version;
  }

  /** Unscoped: only to read back a case the caller was just authorised to change (it may have left their scope). */
  async findAfterWrite(id: string): Promise<CaseEntity> {
    return this.repo.findOneByOrFail({ id });
  }

  async findInScope(id: string, scope: Scope): Promise<CaseEntity | null> {
    return this.repo
      .createQueryBuilder('c')
      .where('c.id = :id AND c.owner_path LIKE :prefix', { id, prefix: `${scope.unitPath}%` })
      .getOne();
  }

  /**
   * The optimistic lock: an explicit conditional UPDATE. Returns the new version, or undefined when the row's
   * version is no longer the one the caller read (nothing is changed then).
   */
  async updateIfVersion(id: string, version: number, change: CaseChange): Promise<number | undefined> {
    const { recoveredFen, reopenCount } = change.deltas ?? {};
    const set: QueryDeepPartialEntity<CaseEntity> = { ...change.fields, version: () => 'version + 1' };
    // Deltas are numbers the types guarantee (bigint, integer), so writing them into the statement is safe.
    if (recoveredFen !== undefined) set.recoveredFen = () => `recovered_fen + (${recoveredFen.toString()})`;
    if (reopenCount !== undefined) set.reopenCount = () => `reopen_count + (${String(Math.trunc(reopenCount))})`;
    const result = await this.repo
      .createQueryBuilder()
      .update()
      .set(set)
      .where('id = :id AND version = :version', { id, version })
      .returning(['version'])
      .execute();
    const raw = result.raw as { version: number }[];
    return raw[0]?.version;
  }

  async claimsOf(caseId: string): Promise<CaseClaimEntity[]> {
    return this.db.manager.find(CaseClaimEntity, { where: { caseId }, order: { position: 'ASC' } });
  }

  async replaceClaims(caseId: string, claims: NewClaim[]): Promise<void> {
    await this.db.manager.delete(CaseClaimEntity, { caseId });
    await this.insertClaims(caseId, claims);
  }

  /** One multi-row INSERT. */
  async insertClaims(caseId: string, claims: NewClaim[]): Promise<void> {
    if (claims.length === 0) return;
    await this.db.manager.insert(
      CaseClaimEntity,
      claims.map((claim, position) => ({ ...claim, caseId, position })),
    );
  }

  /** Idempotent: linking twice is one link. */
  async link(caseA: string, caseB: string, createdBy: string): Promise<boolean> {
    const [first, second] = caseA < caseB ? [caseA, caseB] : [caseB, caseA];
    const result = await this.db.manager
      .createQueryBuilder()
      .insert()
      .into(CaseLinkEntity)
      .values({ caseA: first, caseB: second, createdBy })
      .orIgnore()
      .execute();
    return (result.raw as unknown[]).length > 0;
  }

  async openCasesOfParties(partyIds: string[], scope: Scope): Promise<CaseEntity[]> {
    if (partyIds.length === 0) return [];
    return this.repo
      .createQueryBuilder('c')
      .where('c.worker_party_id IN (:...partyIds)', { partyIds })
      .andWhere('c.owner_path LIKE :prefix', { prefix: `${scope.unitPath}%` })
      .andWhere('c.status <> :closed', { closed: CaseStatus.Closed })
      .orderBy('c.receivedAt', 'DESC')
      .take(50)
      .getMany();
  }

  /** Keyset pagination on (received_at, id), newest first; the scope prefix is always applied. */
  async search(filter: CaseFilter): Promise<CaseEntity[]> {
    const query = this.filtered(filter).orderBy('c.received_at', 'DESC').addOrderBy('c.id', 'DESC').limit(filter.limit);
    if (filter.after) {
      query.andWhere('(c.received_at, c.id) < (:afterAt, :afterId)', {
        afterAt: filter.after.receivedAt,
        afterId: filter.after.id,
      });
    }
    return query.getMany();
  }

  /** How many cases `search` would list, counting no further than `max` (so a huge list costs no more than that). */
  async countAtMost(criteria: CaseCriteria, max: number): Promise<number> {
    const inner = this.filtered(criteria).select('1').limit(max);
    const [sql, params] = inner.getQueryAndParameters();
    const rows = await this.db.manager.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM (${sql}) AS listed`,
      params,
    );
    return rows[0]?.n ?? 0;
  }

  /** The WHERE clause of a case list: the scope prefix and every filter. */
  private filtered(filter: CaseCriteria) {
    const query = this.repo
      .createQueryBuilder('c')
      .where('c.owner_path LIKE :prefix', { prefix: `${filter.scopePath}%` });
    const equals: [string, string | undefined][] = [
      ['status', filter.status],
      ['kind', filter.kind],
      ['category', filter.category],
      ['priority', filter.priority],
      ['channel', filter.channel],
      ['employer_id', filter.employerId],
      ['number', filter.number],
      ['org_unit_id', filter.ownerUnitId],
    ];
    for (const [column, value] of equals) {
      if (value !== undefined) query.andWhere(`c.${column} = :${column}`, { [column]: value });
    }
    if (filter.receivedFrom) query.andWhere('c.received_at >= :from', { from: filter.receivedFrom });
    if (filter.receivedTo) query.andWhere('c.received_at < :to', { to: filter.receivedTo });
    if (filter.open !== undefined) query.andWhere(filter.open ? "c.status <> 'closed'" : "c.status = 'closed'");
    if (filter.outcome !== undefined) query.andWhere('c.outcome = :outcome', { outcome: filter.outcome });
    if (filter.collective !== undefined)
      query.andWhere('c.collective = :collective', { collective: filter.collective });
    for (const [basis, range] of Object.entries(filter.dated ?? {}) as [CaseDateBasis, { from?: Date; to?: Date }][]) {
      const bound = (name: string, value: Date | undefined, fallback: string): string => {
        if (value === undefined) return fallback;
        query.setParameter(name, value);
        return DAY_BASES.includes(basis) ? SHANGHAI_DAY(name) : `:${name}`;
      };
      const from = bound(`${basis}From`, range.from, "'-infinity'");
      const to = bound(`${basis}To`, range.to, "'infinity'");
      let timer = '';
      if (basis === 'breached' && filter.breachedTimer !== undefined) {
        query.setParameter('breachedTimer', filter.breachedTimer);
        timer = 'AND t.timer = :breachedTimer';
      }
      query.andWhere(DATE_BASIS[basis](from, to, timer));
    }
    if (filter.awaitingCallback !== undefined) {
      query.andWhere(filter.awaitingCallback ? AWAITING_CALLBACK : `NOT ${AWAITING_CALLBACK}`);
    }
    if (filter.text !== undefined) {
      query.andWhere(
        '(c.narrative ILIKE :text OR c.employer_id IN (SELECT e.id FROM employer e WHERE e.name ILIKE :text))',
        { text: likeFragment(filter.text) },
      );
    }
    return query;
  }
}
