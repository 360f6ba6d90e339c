import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { NotificationDeliveryModule } from 'src/notifications/notifications.module';
import { SystemModule } from 'src/system/system.module';
import { JobDispatcher } from 'src/worker/job-dispatcher.service';
import { NotificationsQueueProcessor, SystemQueueProcessor } from 'src/worker/queue.processors';
import { WorkerLifecycle } from 'src/worker/worker.lifecycle';

/** Loaded only when APP_ROLE is worker or all: the API process never consumes jobs. */
@Module({
  imports: [DiscoveryModule, SystemModule, NotificationDeliveryModule],
  providers: [JobDispatcher, SystemQueueProcessor, NotificationsQueueProcessor, WorkerLifecycle],
})
export class WorkerModule {}
