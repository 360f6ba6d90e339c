import { Module } from '@nestjs/common';
import { OrgUnitsModule } from 'src/org-units/org-units.module';
import { ReportController } from 'src/reports/report.controller';
import { ReportLiveRepository } from 'src/reports/report-live.repository';
import { ReportLiveService } from 'src/reports/report-live.service';
import { ReportRawRepository } from 'src/reports/report-raw.repository';
import { ReportRepository } from 'src/reports/report.repository';
import { ReportScope } from 'src/reports/report-scope';
import { ReportService } from 'src/reports/report.service';
import { SlaModule } from 'src/sla/sla.module';

/** Leadership reports over maintained aggregates (docs/metrics.md). */
@Module({
  imports: [OrgUnitsModule, SlaModule],
  controllers: [ReportController],
  providers: [
    ReportRepository,
    ReportRawRepository,
    ReportLiveRepository,
    ReportScope,
    ReportService,
    ReportLiveService,
  ],
  exports: [ReportScope, ReportService],
})
export class ReportsModule {}
