import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, AppRole } from 'src/config/app-config';
import { ConfigModule } from 'src/config/config.module';
import { DatabaseModule } from 'src/database/database.module';
import { HealthModule } from 'src/health/health.module';
import { LoggingModule } from 'src/logging/logging.module';
import { QueueModule } from 'src/queue/queue.module';
import { SystemModule } from 'src/system/system.module';
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
        LoggingModule,
        DatabaseModule,
        QueueModule,
        SystemModule,
        ...(serves ? [HealthModule] : []),
        ...(consumes ? [WorkerModule] : []),
      ],
    };
  }
}
