import { Injectable } from '@nestjs/common';
import { DbContext } from 'src/database/db-context';
import { ExtensionState, TimerExtensionRequestEntity } from 'src/sla/timer-extension.entity';

export type NewExtensionRequest = Pick<
  TimerExtensionRequestEntity,
  'caseId' | 'timerId' | 'amount' | 'unit' | 'amountMs' | 'reason' | 'requestedBy'
>;

@Injectable()
export class TimerExtensionRepository {
  constructor(private readonly db: DbContext) {}

  async insert(request: NewExtensionRequest): Promise<TimerExtensionRequestEntity> {
    const result = await this.db.manager.insert(TimerExtensionRequestEntity, {
      ...request,
      state: ExtensionState.Pending,
    });
    const id = (result.identifiers[0] as { id: string }).id;
    return this.db.manager.findOneByOrFail(TimerExtensionRequestEntity, { id });
  }

  async hasPending(timerId: string): Promise<boolean> {
    return this.db.manager.exists(TimerExtensionRequestEntity, {
      where: { timerId, state: ExtensionState.Pending },
    });
  }

  /** A request about this clock of this case, locked for the caller's transaction (decisions are serialized). */
  async lockOf(caseId: string, timerId: string, requestId: string): Promise<TimerExtensionRequestEntity | undefined> {
    const found = await this.db.manager
      .createQueryBuilder(TimerExtensionRequestEntity, 'r')
      .setLock('pessimistic_write')
      .where('r.id = :requestId AND r.timer_id = :timerId AND r.case_id = :caseId', { requestId, timerId, caseId })
      .getOne();
    return found ?? undefined;
  }

  async decide(
    requestId: string,
    state: ExtensionState.Approved | ExtensionState.Rejected,
    decidedBy: string,
    decidedAt: Date,
    note: string,
  ): Promise<TimerExtensionRequestEntity> {
    await this.db.manager.update(
      TimerExtensionRequestEntity,
      { id: requestId },
      { state, decidedBy, decidedAt, decisionNote: note },
    );
    return this.db.manager.findOneByOrFail(TimerExtensionRequestEntity, { id: requestId });
  }

  /** A case's requests, oldest first (a handful per case; bounded all the same). */
  async listForCase(caseId: string, limit: number): Promise<TimerExtensionRequestEntity[]> {
    return this.db.manager.find(TimerExtensionRequestEntity, {
      where: { caseId },
      order: { requestedAt: 'ASC', id: 'ASC' },
      take: limit,
    });
  }
}
