import { Module } from '@nestjs/common';
import { FILE_STORAGE_PROVIDER, FileStorage } from 'src/attachments/file-storage';
import { CasesModule } from 'src/cases/cases.module';
import { BreakdownExportSource } from 'src/exports/breakdown-export.source';
import { CaseExportSource } from 'src/exports/case-export.source';
import { ExportJobRepository } from 'src/exports/export-job.repository';
import { ExportLookupRepository } from 'src/exports/export-lookup.repository';
import { ReportsModule } from 'src/reports/reports.module';

/** What both the API (streamed exports, requests) and the worker (background exports) need. */
@Module({
  imports: [CasesModule, ReportsModule],
  providers: [
    ExportJobRepository,
    ExportLookupRepository,
    CaseExportSource,
    BreakdownExportSource,
    FILE_STORAGE_PROVIDER,
  ],
  exports: [ExportJobRepository, CaseExportSource, BreakdownExportSource, FileStorage],
})
export class ExportCoreModule {}
