import { Injectable } from '@nestjs/common';
import { CallEntity } from 'src/calls/call.entity';
import { AppendTable, DbContext } from 'src/database/db-context';

const CALL: AppendTable = {
  name: 'call',
  columns: [
    ['id', 'uuid'],
    ['channel', 'channel'],
    ['operator_id', 'uuid'],
    ['org_unit_id', 'uuid'],
    ['started_at', 'timestamptz'],
    ['ended_at', 'timestamptz'],
    ['caller_party_id', 'uuid'],
    ['summary', 'text'],
    ['disposition', 'call_disposition'],
    ['case_id', 'uuid'],
  ],
};

export type NewCall = Omit<CallEntity, 'createdAt' | 'case' | 'callerParty'>;

@Injectable()
export class CallRepository {
  constructor(private readonly db: DbContext) {}

  /** A call is a record of what happened: appended, written just before the transaction commits. */
  async insert(call: NewCall): Promise<void> {
    await this.db.append(CALL, [
      [
        call.id,
        call.channel,
        call.operatorId,
        call.orgUnitId,
        call.startedAt,
        call.endedAt,
        call.callerPartyId,
        call.summary,
        call.disposition,
        call.caseId,
      ],
    ]);
  }
}
