import { Injectable } from '@nestjs/common';
import { CallDisposition, CallEntity } from 'src/calls/call.entity';
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

/** A call of an operator's log, with the case number and the caller's name (never the phone). */
export interface LoggedCall {
  id: string;
  startedAt: Date;
  disposition: CallDisposition;
  summary: string;
  caseId: string | null;
  caseNumber: string | null;
  callerName: string | null;
}

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

  /**
   * An operator's calls, newest first (index idx_call_operator_started); a case since moved out of `scopePath` is
   * not named.
   */
  async loggedBy(operatorId: string, scopePath: string, limit: number): Promise<LoggedCall[]> {
    const rows = await this.db.manager.query<
      {
        id: string;
        started_at: Date;
        disposition: CallDisposition;
        summary: string;
        case_id: string | null;
        number: string | null;
        caller_name: string | null;
      }[]
    >(
      `SELECT k.id, k.started_at, k.disposition, k.summary, c.id AS case_id, c.number, p.name AS caller_name
         FROM call k
         LEFT JOIN "case" c ON c.id = k.case_id AND c.owner_path LIKE $3
         LEFT JOIN party p ON p.id = k.caller_party_id
        WHERE k.operator_id = $1
        ORDER BY k.started_at DESC, k.id DESC
        LIMIT $2`,
      [operatorId, limit, `${scopePath}%`],
    );
    return rows.map((r) => ({
      id: r.id,
      startedAt: r.started_at,
      disposition: r.disposition,
      summary: r.summary,
      caseId: r.case_id,
      caseNumber: r.number,
      callerName: r.caller_name,
    }));
  }
}
