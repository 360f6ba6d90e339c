import { Module } from '@nestjs/common';
import { ReportRollupJob } from 'src/reports/report-rollup.job';
import { ReportRepository } from 'src/reports/report.repository';

/** The report jobs, loaded by worker processes only. */
@Module({
  providers: [ReportRepository, ReportRollupJob],
})
export class ReportWorkerModule {}
