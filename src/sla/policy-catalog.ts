import { Injectable } from '@nestjs/common';
import { CachedData, CachedValue, InvalidationBus } from 'src/redis/invalidation-bus';
import { SlaPolicyEntity } from 'src/sla/sla-policy.entity';
import { SlaPolicyRepository } from 'src/sla/sla-policy.repository';

/**
 * The SLA policies, held in memory: they change rarely, and intake should not pay a query for them. An admin edit
 * drops the cache at once in the editing process and, through the invalidation bus, in every other one.
 */
@Injectable()
export class PolicyCatalog {
  private readonly cached: CachedValue<SlaPolicyEntity[]>;

  constructor(
    private readonly policies: SlaPolicyRepository,
    bus: InvalidationBus,
  ) {
    // Subscribed now, at start: a change announced before first use must not be missed.
    this.cached = bus.cache(CachedData.SlaPolicies, () => this.policies.all());
  }

  async current(now = Date.now()): Promise<SlaPolicyEntity[]> {
    return this.cached.get(now);
  }
}
