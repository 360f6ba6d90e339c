import { Global, Module } from '@nestjs/common';
import { InvalidationBus } from 'src/redis/invalidation-bus';
import { RedisClient } from 'src/redis/redis-client';

@Global()
@Module({ providers: [RedisClient, InvalidationBus], exports: [RedisClient, InvalidationBus] })
export class RedisModule {}
