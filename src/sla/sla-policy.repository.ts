import { Injectable } from '@nestjs/common';
import { DbContext } from 'src/database/db-context';
import { SlaPolicyEntity } from 'src/sla/sla-policy.entity';

@Injectable()
export class SlaPolicyRepository {
  constructor(private readonly db: DbContext) {}

  async all(): Promise<SlaPolicyEntity[]> {
    return this.db.manager.find(SlaPolicyEntity, { order: { position: 'ASC', code: 'ASC' } });
  }

  async findByCode(code: string): Promise<SlaPolicyEntity | undefined> {
    return (await this.db.manager.findOneBy(SlaPolicyEntity, { code })) ?? undefined;
  }

  /** Replaces match and timers if the policy is still at `version`, bumping it; false when it was not. */
  async updateIfVersion(
    code: string,
    version: number,
    changes: Pick<SlaPolicyEntity, 'match' | 'timers'>,
  ): Promise<boolean> {
    const result = await this.db.manager
      .createQueryBuilder()
      .update(SlaPolicyEntity)
      .set({ match: changes.match, timers: changes.timers, version: () => 'version + 1' })
      .where('code = :code AND version = :version', { code, version })
      .execute();
    return (result.affected ?? 0) === 1;
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
