import { Injectable } from '@nestjs/common';
import { DbContext } from 'src/database/db-context';
import { SlaPolicyEntity } from 'src/sla/sla-policy.entity';

@Injectable()
export class SlaPolicyRepository {
  constructor(private readonly db: DbContext) {}

  async all(): Promise<SlaPolicyEntity[]> {
    return this.db.manager.find(SlaPolicyEntity, { order: { position: 'ASC', code: 'ASC' } });
  }

  /** Inserts policies whose code is new; existing ones (possibly edited by an admin) are left as they are. */
  async insertMissing(policies: Pick<SlaPolicyEntity, 'code' | 'position' | 'match' | 'timers'>[]): Promise<number> {
    if (policies.length === 0) return 0;
    const result = await this.db.manager
      .createQueryBuilder()
      .insert()
      .into(SlaPolicyEntity)
      .values(policies)
      .orIgnore()
      .execute();
    return (result.raw as unknown[]).length;
  }
}
