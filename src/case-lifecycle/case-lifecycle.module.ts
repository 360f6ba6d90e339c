import { Module, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { CASE_HOOKS } from 'src/case-lifecycle/case-hooks';
import { CaseHookRegistry } from 'src/cases/case-hooks';
import { CasesModule } from 'src/cases/cases.module';
import { NotificationsModule } from 'src/notifications/notifications.module';
import { SlaModule } from 'src/sla/sla.module';
import { WorkflowModule } from 'src/workflow/workflow.module';

/**
 * Builds the after-write hooks (their dependencies come from the modules imported here) and hands them to the
 * case writer. It sits above cases and the modules whose hooks it lists, so
 * cases never import them: the writer knows only the CaseHook interface.
 */
@Module({
  imports: [CasesModule, SlaModule, WorkflowModule, NotificationsModule],
  providers: [...CASE_HOOKS],
})
export class CaseLifecycleModule implements OnModuleInit {
  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly registry: CaseHookRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register(CASE_HOOKS.map((hook) => this.moduleRef.get(hook, { strict: true })));
  }
}
