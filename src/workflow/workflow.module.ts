import { Module } from '@nestjs/common';
import { CasesModule } from 'src/cases/cases.module';
import { OrgUnitsModule } from 'src/org-units/org-units.module';
import { UsersModule } from 'src/users/users.module';
import { CallbackRepository } from 'src/workflow/callback.repository';
import { WorkflowController } from 'src/workflow/workflow.controller';
import { WorkflowService } from 'src/workflow/workflow.service';

@Module({
  imports: [CasesModule, OrgUnitsModule, UsersModule],
  controllers: [WorkflowController],
  providers: [WorkflowService, CallbackRepository],
})
export class WorkflowModule {}
