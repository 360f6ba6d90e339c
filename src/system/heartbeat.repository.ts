import { Injectable } from '@nestjs/common';
import { DbContext } from 'src/database/db-context';
import { HeartbeatEntity } from 'src/system/heartbeat.entity';

@Injectable()
export class HeartbeatRepository {
  constructor(private readonly db: DbContext) {}

  private get repo() {
    return this.db.manager.getRepository(HeartbeatEntity);
  }

  async create(source: string): Promise<HeartbeatEntity> {
    return this.repo.save(this.repo.create({ source }));
  }

  async findById(id: string): Promise<HeartbeatEntity | null> {
    return this.repo.findOneBy({ id });
  }

  /** Marks it processed once; a second delivery of the same job changes nothing. Returns whether it did. */
  async markProcessed(id: string): Promise<boolean> {
    const result = await this.repo
      .createQueryBuilder()
      .update()
      .set({ processedAt: () => 'now()', processedCount: () => 'processed_count + 1' })
      .where('id = :id AND processed_at IS NULL', { id })
      .execute();
    return (result.affected ?? 0) > 0;
  }
}
