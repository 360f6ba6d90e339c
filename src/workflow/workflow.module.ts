import { Module } from '@nestjs/common';
import { CasesModule } from 'src/cases/cases.module';
import { NotificationsModule } from 'src/notifications/notifications.module';
import { OrgUnitsModule } from 'src/org-units/org-units.module';
import { SlaModule } from 'src/sla/sla.module';
import { UsersModule } from 'src/users/users.module';
import { ClosureEffects } from 'src/workflow/effects/closure.effects';
import { LegalAidEffects } from 'src/workflow/effects/legal-aid.effects';
import { MediationEffects } from 'src/workflow/effects/mediation.effects';
import { PaymentEffects } from 'src/workflow/effects/payment.effects';
import { RoutingEffects } from 'src/workflow/effects/routing.effects';
import { WorkflowQueryController } from 'src/workflow/workflow-query.controller';
import { WorkflowQueryService } from 'src/workflow/workflow-query.service';
import { WorkflowRecordsRepository } from 'src/workflow/workflow-records.repository';
import { WorkflowController } from 'src/workflow/workflow.controller';
import { WorkflowService } from 'src/workflow/workflow.service';
import { TimerCommandService } from 'src/workflow/timer-command.service';
import { TimerController } from 'src/workflow/timer.controller';
import { ExtensionCommandService } from 'src/workflow/extension-command.service';
import { ExtensionQueueService } from 'src/workflow/extension-queue.service';

@Module({
  imports: [CasesModule, OrgUnitsModule, UsersModule, NotificationsModule, SlaModule],
  controllers: [WorkflowController, WorkflowQueryController, TimerController],
  providers: [
    WorkflowService,
    WorkflowQueryService,
    TimerCommandService,
    ExtensionCommandService,
    ExtensionQueueService,
    WorkflowRecordsRepository,
    RoutingEffects,
    ClosureEffects,
    MediationEffects,
    LegalAidEffects,
    PaymentEffects,
  ],
  exports: [WorkflowRecordsRepository],
})
export class WorkflowModule {}
