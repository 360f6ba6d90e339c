import { Injectable } from '@nestjs/common';
import { CallEntity } from 'src/calls/call.entity';
import { DbContext } from 'src/database/db-context';

@Injectable()
export class CallRepository {
  constructor(private readonly db: DbContext) {}

  async insert(call: Omit<CallEntity, 'id' | 'createdAt' | 'case' | 'callerParty'>): Promise<CallEntity> {
    const result = await this.db.manager
      .createQueryBuilder()
      .insert()
      .into(CallEntity)
      .values(call)
      .returning(['id', 'created_at'])
      .execute();
    const row = (result.raw as { id: string; created_at: Date }[])[0];
    if (!row) throw new Error('call insert returned nothing');
    return Object.assign(new CallEntity(), call, { id: row.id, createdAt: row.created_at });
  }
}
