import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentActor } from 'src/auth/auth.decorators';
import type { Actor } from 'src/auth/principal';
import { REPORT_ROLES } from 'src/auth/role';
import {
  BacklogDto,
  BreakdownDto,
  BreakdownQueryDto,
  HotspotQueryDto,
  HotspotsDto,
  ReportQueryDto,
  SlaReportDto,
  SummaryDto,
  TimeseriesDto,
  TimeseriesQueryDto,
} from 'src/reports/report.dto';
import { ReportLiveService } from 'src/reports/report-live.service';
import { ReportService } from 'src/reports/report.service';

/** Leadership figures (SPEC §5), always within the caller's subtree; definitions in docs/metrics.md. */
@ApiTags('reports')
@Controller('reports')
export class ReportController {
  constructor(
    private readonly reports: ReportService,
    private readonly live: ReportLiveService,
  ) {}

  /** Every headline figure for the period, each with its definition and the list of cases behind it. */
  @Authenticated(...REPORT_ROLES)
  @Get('summary')
  summary(@CurrentActor() actor: Actor, @Query() query: ReportQueryDto): Promise<SummaryDto> {
    return this.reports.summary(actor.principal, query);
  }

  /** The figures per day, week, month, quarter or year of the period. */
  @Authenticated(...REPORT_ROLES)
  @Get('timeseries')
  timeseries(@CurrentActor() actor: Actor, @Query() query: TimeseriesQueryDto): Promise<TimeseriesDto> {
    return this.reports.timeseries(actor.principal, query);
  }

  /** The figures per child unit (the district ranking), kind, category, channel or outcome. */
  @Authenticated(...REPORT_ROLES)
  @Get('breakdown')
  breakdown(@CurrentActor() actor: Actor, @Query() query: BreakdownQueryDto): Promise<BreakdownDto> {
    return this.reports.breakdown(actor.principal, query);
  }

  /** Open cases now, by status and age since received (period filters do not apply). */
  @Authenticated(...REPORT_ROLES)
  @Get('backlog')
  backlog(@CurrentActor() actor: Actor, @Query() query: ReportQueryDto): Promise<BacklogDto> {
    return this.live.backlog(actor.principal, query);
  }

  /** SLA breaches in the period by timer and child unit. */
  @Authenticated(...REPORT_ROLES)
  @Get('sla')
  sla(@CurrentActor() actor: Actor, @Query() query: ReportQueryDto): Promise<SlaReportDto> {
    return this.reports.sla(actor.principal, query);
  }

  /** Employers with the most cases received in the period, and collective disputes by category. */
  @Authenticated(...REPORT_ROLES)
  @Get('hotspots')
  hotspots(@CurrentActor() actor: Actor, @Query() query: HotspotQueryDto): Promise<HotspotsDto> {
    return this.live.hotspots(actor.principal, query);
  }
}
