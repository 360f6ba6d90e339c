import { Module } from '@nestjs/common';
import { AuditController } from 'src/audit/audit.controller';
import { AuditQueryService } from 'src/audit/audit-query.service';
import { AuditRepository } from 'src/audit/audit.repository';
import { AuditService } from 'src/audit/audit.service';

@Module({
  controllers: [AuditController],
  providers: [AuditRepository, AuditService, AuditQueryService],
  exports: [AuditService],
})
export class AuditModule {}
