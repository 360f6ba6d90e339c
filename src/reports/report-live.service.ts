import { Injectable } from '@nestjs/common';
import { UnitScope } from 'src/auth/principal';
import { OPEN_STATUSES } from 'src/cases/case.enums';
import { fenToYuan } from 'src/common/money/money';
import { BacklogDto, HotspotQueryDto, HotspotsDto, ReportQueryDto } from 'src/reports/report.dto';
import { casesUrl } from 'src/reports/report-links';
import { AGE_BUCKETS, ReportLiveRepository } from 'src/reports/report-live.repository';
import { ReportScope } from 'src/reports/report-scope';

/** Backlog (a snapshot of open cases now) and hotspots (employers and collective disputes in a period). */
@Injectable()
export class ReportLiveService {
  constructor(
    private readonly scope: ReportScope,
    private readonly live: ReportLiveRepository,
  ) {}

  async backlog(within: UnitScope, query: ReportQueryDto): Promise<BacklogDto> {
    const report = await this.scope.resolve(within, query);
    const counts = await this.live.backlog(report.filter, report.today);
    const labels = AGE_BUCKETS.map((b) => b.label);
    const rows = OPEN_STATUSES.map((status) => {
      const buckets = Object.fromEntries(labels.map((label) => [label, 0]));
      for (const c of counts) if (c.status === status) buckets[c.bucket] = c.count;
      const total = Object.values(buckets).reduce((a, b) => a + b, 0);
      return { status, buckets, total, casesUrl: casesUrl(report.link, null, 'received', { status }) };
    });
    return {
      asOf: report.today,
      bucketLabels: labels,
      rows,
      total: rows.reduce((a, r) => a + r.total, 0),
    };
  }

  async hotspots(within: UnitScope, query: HotspotQueryDto): Promise<HotspotsDto> {
    const report = await this.scope.resolve(within, query);
    const [employers, collective] = [
      await this.live.topEmployers(report.filter, query.limit),
      await this.live.collectiveByCategory(report.filter),
    ];
    return {
      period: { from: report.filter.range.from, to: report.filter.range.to },
      employers: employers.map((e) => ({
        employerId: e.employerId,
        name: e.name,
        district: e.districtName,
        cases: e.cases,
        collective: e.collective,
        workersAffected: e.workersAffected,
        moneyClaimed: fenToYuan(e.claimedFen),
        casesUrl: casesUrl(report.link, report.filter.range, 'received', { employerId: e.employerId }),
      })),
      collectiveByCategory: collective.map((c) => ({
        category: c.category,
        cases: c.cases,
        workersAffected: c.workersAffected,
        casesUrl: casesUrl(report.link, report.filter.range, 'received', { collective: 'true', category: c.category }),
      })),
      collectiveDisputes: collective.reduce((a, c) => a + c.cases, 0),
      collectiveCasesUrl: casesUrl(report.link, report.filter.range, 'received', { collective: 'true' }),
    };
  }
}
