import { DynamicModule, Module } from '@nestjs/common';
import { AttachmentsModule } from 'src/attachments/attachments.module';
import { AuditModule } from 'src/audit/audit.module';
import { AuthModule } from 'src/sessions/auth.module';
import { CallsModule } from 'src/calls/calls.module';
import { CaseLifecycleModule } from 'src/case-lifecycle/case-lifecycle.module';
import { CasesModule } from 'src/cases/cases.module';
import { ClockModule } from 'src/common/util/clock.module';
import { ShutdownGate } from 'src/server/shutdown-gate';
import { AppConfig, AppRole } from 'src/config/app-config';
import { ConfigModule } from 'src/config/config.module';
import { ConsoleModule } from 'src/console-host/console.module';
import { DashboardModule } from 'src/dashboard/dashboard.module';
import { DatabaseModule } from 'src/database/database.module';
import { ExportsModule } from 'src/exports/exports.module';
import { HealthModule } from 'src/health/health.module';
import { IdempotencyModule } from 'src/idempotency/idempotency.module';
import { LoggingModule } from 'src/logging/logging.module';
import { NotificationsModule } from 'src/notifications/notifications.module';
import { OrgUnitsModule } from 'src/org-units/org-units.module';
import { PartiesModule } from 'src/parties/parties.module';
import { PiiModule } from 'src/pii/pii.module';
import { QueueModule } from 'src/queue/queue.module';
import { QueueBoardModule } from 'src/queue-board/queue-board.module';
import { RedisModule } from 'src/redis/redis.module';
import { ReportsModule } from 'src/reports/reports.module';
import { SlaAdminModule } from 'src/sla/sla-admin.module';
import { SlaModule } from 'src/sla/sla.module';
import { SystemModule } from 'src/system/system.module';
import { UsersModule } from 'src/users/users.module';
import { WorkflowModule } from 'src/workflow/workflow.module';
import { WorkerModule } from 'src/worker/worker.module';

/** One codebase, three shapes: the HTTP API, the queue worker, or both (local default). */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    const serves = config.role !== AppRole.Worker;
    const consumes = config.role !== AppRole.Api;
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        ClockModule,
        LoggingModule,
        DatabaseModule,
        QueueModule,
        RedisModule,
        PiiModule,
        SystemModule,
        SlaModule,
        ...(serves
          ? [
              HealthModule,
              AuthModule,
              IdempotencyModule,
              AuditModule,
              OrgUnitsModule,
              UsersModule,
              PartiesModule,
              CasesModule,
              CallsModule,
              AttachmentsModule,
              WorkflowModule,
              CaseLifecycleModule,
              NotificationsModule,
              ReportsModule,
              ExportsModule,
              QueueBoardModule,
              SlaAdminModule,
              DashboardModule,
              ConsoleModule,
            ]
          : []),
        ...(consumes ? [WorkerModule] : []),
      ],
      providers: [ShutdownGate],
    };
  }
}
