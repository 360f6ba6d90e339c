import { Module } from '@nestjs/common';
import { AuditModule } from 'src/audit/audit.module';
import { HeartbeatController } from 'src/system/heartbeat.controller';
import { HeartbeatJob } from 'src/system/heartbeat.job';
import { HeartbeatRepository } from 'src/system/heartbeat.repository';
import { HeartbeatService } from 'src/system/heartbeat.service';

@Module({
  imports: [AuditModule],
  controllers: [HeartbeatController],
  providers: [HeartbeatRepository, HeartbeatService, HeartbeatJob],
  exports: [HeartbeatService],
})
export class SystemModule {}
