import { Module } from '@nestjs/common';
import { ExportCoreModule } from 'src/exports/export-core.module';
import { ExportRunJob } from 'src/exports/export-run.job';

/** The background export jobs, loaded by worker processes only. */
@Module({
  imports: [ExportCoreModule],
  providers: [ExportRunJob],
})
export class ExportWorkerModule {}
