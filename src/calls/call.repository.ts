import { Injectable } from '@nestjs/common';
import { CallEntity } from 'src/calls/call.entity';
import { DbContext } from 'src/database/db-context';

@Injectable()
export class CallRepository {
  constructor(private readonly db: DbContext) {}

  async insert(call: Omit<CallEntity, 'id' | 'createdAt' | 'case' | 'callerParty'>): Promise<CallEntity> {
    const repo = this.db.manager.getRepository(CallEntity);
    return repo.save(repo.create(call));
  }
}
