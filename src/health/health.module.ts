import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from 'src/health/health.controller';
import { ReadinessService } from 'src/health/readiness.service';
import { RedisHealthIndicator } from 'src/health/redis.health';

@Module({
  imports: [TerminusModule.forRoot({ errorLogStyle: 'json', logger: false })],
  controllers: [HealthController],
  providers: [RedisHealthIndicator, ReadinessService],
})
export class HealthModule {}
