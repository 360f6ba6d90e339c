import { Injectable } from '@nestjs/common';
import { CaseCategory, CaseStatus } from 'src/cases/case.enums';
import { DbContext } from 'src/database/db-context';
import { dimensionWhere, ReportFilter, SqlParams } from 'src/reports/report-filter';

export const AGE_BUCKETS = [
  { label: '0-7', maxDays: 7 },
  { label: '8-15', maxDays: 15 },
  { label: '16-30', maxDays: 30 },
  { label: '31-90', maxDays: 90 },
  { label: '91+', maxDays: null },
] as const;

export interface BacklogCount {
  status: CaseStatus;
  bucket: string;
  count: number;
}

export interface EmployerCount {
  employerId: string;
  name: string;
  districtName: string | null;
  cases: number;
  collective: number;
  workersAffected: number;
  claimedFen: string;
}

export interface CollectiveCount {
  category: CaseCategory;
  cases: number;
  workersAffected: number;
}

type Dimensions = Pick<ReportFilter, 'rootPath' | 'kind' | 'category' | 'channel'>;

/** Cases of the report's subtree, narrowed by kind, category and channel. */
function inSubtree(filter: Dimensions, params: SqlParams): string[] {
  return [`c.owner_path LIKE ${params.add(filter.rootPath)} || '%'`, ...dimensionWhere(filter, params, 'c')];
}

/**
 * The two reports read live from the case table rather than from aggregates: the backlog is a snapshot of open
 * cases (a partial index keeps it to the few open ones), hotspots rank employers within a period.
 */
@Injectable()
export class ReportLiveRepository {
  constructor(private readonly db: DbContext) {}

  async backlog(filter: Dimensions, today: string): Promise<BacklogCount[]> {
    const params = new SqlParams();
    const where = inSubtree(filter, params);
    const age = `(${params.add(today)}::date - (c.received_at AT TIME ZONE 'Asia/Shanghai')::date)`;
    const bucket = `CASE ${AGE_BUCKETS.filter((b) => b.maxDays !== null)
      .map((b) => `WHEN ${age} <= ${String(b.maxDays)} THEN '${b.label}'`)
      .join(' ')} ELSE '${AGE_BUCKETS[AGE_BUCKETS.length - 1]?.label ?? ''}' END`;
    const rows = await this.db.manager.query<Array<{ status: CaseStatus; bucket: string; count: string }>>(
      `SELECT c.status::text AS status, ${bucket} AS bucket, count(*)::text AS count
       FROM "case" c WHERE c.status <> 'closed' AND ${where.join(' AND ')} GROUP BY 1, 2`,
      params.values,
    );
    return rows.map((r) => ({ status: r.status, bucket: r.bucket, count: Number(r.count) }));
  }

  async topEmployers(filter: ReportFilter, limit: number): Promise<EmployerCount[]> {
    const params = new SqlParams();
    const where = [...inSubtree(filter, params), ...receivedIn(filter, params), 'c.employer_id IS NOT NULL'];
    const rows = await this.db.manager.query<Array<Record<string, string>>>(
      `SELECT e.id AS employer_id, e.name, d.name_zh AS district, t.cases, t.collective, t.workers, t.claimed
       FROM (SELECT c.employer_id, count(*)::text AS cases, count(*) FILTER (WHERE c.collective)::text AS collective,
                    sum(c.workers_affected)::text AS workers, sum(c.claimed_fen)::text AS claimed
             FROM "case" c WHERE ${where.join(' AND ')}
             GROUP BY c.employer_id ORDER BY count(*) DESC, c.employer_id LIMIT ${params.add(limit)}) t
       JOIN employer e ON e.id = t.employer_id
       LEFT JOIN org_unit d ON d.id = e.district_id
       ORDER BY t.cases::int DESC, e.id`,
      params.values,
    );
    return rows.map((r) => ({
      employerId: r.employer_id ?? '',
      name: r.name ?? '',
      districtName: r.district ?? null,
      cases: Number(r.cases),
      collective: Number(r.collective),
      workersAffected: Number(r.workers),
      claimedFen: r.claimed ?? '0',
    }));
  }

  async collectiveByCategory(filter: ReportFilter): Promise<CollectiveCount[]> {
    const params = new SqlParams();
    const where = [...inSubtree(filter, params), ...receivedIn(filter, params), 'c.collective'];
    const rows = await this.db.manager.query<Array<{ category: CaseCategory; cases: string; workers: string }>>(
      `SELECT c.category::text AS category, count(*)::text AS cases, sum(c.workers_affected)::text AS workers
       FROM "case" c WHERE ${where.join(' AND ')} GROUP BY 1 ORDER BY count(*) DESC, 1`,
      params.values,
    );
    return rows.map((r) => ({ category: r.category, cases: Number(r.cases), workersAffected: Number(r.workers) }));
  }
}

/** Received within the period's Shanghai days, as an index-friendly instant range. */
function receivedIn(filter: ReportFilter, params: SqlParams): string[] {
  const from = params.add(filter.range.from);
  const to = params.add(filter.range.to);
  return [
    `c.received_at >= (${from}::date::timestamp AT TIME ZONE 'Asia/Shanghai')`,
    `c.received_at < ((${to}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`,
  ];
}
