import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ExportWorkerModule } from 'src/exports/export-worker.module';
import { NotificationDeliveryModule } from 'src/notifications/notifications.module';
import { IdempotencyWorkerModule } from 'src/idempotency/idempotency-worker.module';
import { SlaWorkerModule } from 'src/sla/sla-worker.module';
import { SystemModule } from 'src/system/system.module';
import { JobDispatcher } from 'src/worker/job-dispatcher.service';
import {
  NotificationsQueueProcessor,
  ReportsQueueProcessor,
  SystemQueueProcessor,
  TimersQueueProcessor,
} from 'src/worker/queue.processors';
import { ReportWorkerModule } from 'src/reports/report-worker.module';
import { RecurringJobs } from 'src/worker/recurring-jobs';
import { WorkerLifecycle } from 'src/worker/worker.lifecycle';

/** Loaded only when APP_ROLE is worker or all: the API process never consumes jobs. */
@Module({
  imports: [
    DiscoveryModule,
    SystemModule,
    NotificationDeliveryModule,
    SlaWorkerModule,
    ReportWorkerModule,
    ExportWorkerModule,
    IdempotencyWorkerModule,
  ],
  providers: [
    JobDispatcher,
    SystemQueueProcessor,
    NotificationsQueueProcessor,
    TimersQueueProcessor,
    ReportsQueueProcessor,
    RecurringJobs,
    WorkerLifecycle,
  ],
})
export class WorkerModule {}
