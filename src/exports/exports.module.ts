import { Module } from '@nestjs/common';
import { AuditModule } from 'src/audit/audit.module';
import { ExportController } from 'src/exports/export.controller';
import { ExportCoreModule } from 'src/exports/export-core.module';
import { ExportService } from 'src/exports/export.service';

/** CSV and XLSX exports of breakdowns and case lists (docs/exports.md). */
@Module({
  imports: [ExportCoreModule, AuditModule],
  controllers: [ExportController],
  providers: [ExportService],
})
export class ExportsModule {}
