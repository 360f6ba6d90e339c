import { Injectable, OnModuleInit } from '@nestjs/common';
import { CachedData, InvalidationBus } from 'src/redis/invalidation-bus';
import { SlaPolicyEntity } from 'src/sla/sla-policy.entity';
import { SlaPolicyRepository } from 'src/sla/sla-policy.repository';

/** Without a change message (Redis away when it was sent), a process still picks up an edit within this time. */
export const POLICY_CACHE_MS = 60 * 1000;

/**
 * The SLA policies, held in memory: they change rarely, and intake should not pay a query for them. An admin edit
 * drops the cache at once in the editing process and, through the invalidation bus, in every other one.
 */
@Injectable()
export class PolicyCatalog implements OnModuleInit {
  private cached?: { policies: SlaPolicyEntity[]; loadedAt: number };

  constructor(
    private readonly policies: SlaPolicyRepository,
    private readonly bus: InvalidationBus,
  ) {}

  onModuleInit(): void {
    this.bus.on(CachedData.SlaPolicies, () => {
      this.invalidate();
    });
  }

  async current(now = Date.now()): Promise<SlaPolicyEntity[]> {
    if (!this.cached || now - this.cached.loadedAt > POLICY_CACHE_MS) {
      this.cached = { policies: await this.policies.all(), loadedAt: now };
    }
    return this.cached.policies;
  }

  invalidate(): void {
    this.cached = undefined;
  }
}
