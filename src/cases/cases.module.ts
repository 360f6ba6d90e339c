import { Module } from '@nestjs/common';
import { AuditModule } from 'src/audit/audit.module';
import { CaseCommandService } from 'src/cases/case-command.service';
import { CaseController } from 'src/cases/case.controller';
import { CaseEventRepository } from 'src/cases/case-event.repository';
import { CaseHookRegistry } from 'src/cases/case-hooks';
import { CaseIntakeService } from 'src/cases/case-intake.service';
import { CaseQueryService } from 'src/cases/case-query.service';
import { CaseRepository } from 'src/cases/case.repository';
import { CaseService } from 'src/cases/case.service';
import { WorkQueueController } from 'src/cases/work-queue.controller';
import { WorkQueueRepository } from 'src/cases/work-queue.repository';
import { WorkQueueService } from 'src/cases/work-queue.service';
import { CaseWriter } from 'src/cases/case-writer';
import { EmployersModule } from 'src/employers/employers.module';
import { OrgUnitsModule } from 'src/org-units/org-units.module';
import { PartiesModule } from 'src/parties/parties.module';

@Module({
  imports: [AuditModule, OrgUnitsModule, PartiesModule, EmployersModule],
  controllers: [CaseController, WorkQueueController],
  providers: [
    CaseRepository,
    CaseEventRepository,
    CaseService,
    CaseWriter,
    CaseHookRegistry,
    CaseCommandService,
    CaseQueryService,
    CaseIntakeService,
    WorkQueueRepository,
    WorkQueueService,
  ],
  exports: [
    CaseRepository,
    CaseEventRepository,
    CaseService,
    CaseWriter,
    CaseHookRegistry,
    CaseCommandService,
    CaseQueryService,
  ],
})
export class CasesModule {}
