import { Injectable } from '@nestjs/common';
import { DbContext } from 'src/database/db-context';
import { CaseCallbackEntity } from 'src/workflow/case-callback.entity';

@Injectable()
export class CallbackRepository {
  constructor(private readonly db: DbContext) {}

  async insert(
    callback: Pick<CaseCallbackEntity, 'caseId' | 'result' | 'attempts' | 'note' | 'recordedBy'>,
  ): Promise<void> {
    await this.db.manager.insert(CaseCallbackEntity, callback);
  }
}
