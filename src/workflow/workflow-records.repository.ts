import { Injectable } from '@nestjs/common';
import { CallbackResult } from 'src/cases/case.enums';
import { DbContext } from 'src/database/db-context';
import { CaseCallbackEntity } from 'src/workflow/case-callback.entity';
import { LegalAidStageEntity } from 'src/workflow/legal-aid.entity';
import { InstalmentEntity, MediationSessionEntity } from 'src/workflow/mediation.entity';
import { PaymentEntity } from 'src/workflow/payment.entity';

/** The records workflow commands write besides the case row: sessions, schedules, stages, ledger, callbacks. */
@Injectable()
export class WorkflowRecordsRepository {
  constructor(private readonly db: DbContext) {}

  async addSession(session: Omit<MediationSessionEntity, 'id' | 'createdAt' | 'case'>): Promise<string> {
    const result = await this.db.manager.insert(MediationSessionEntity, session);
    return (result.identifiers[0] as { id: string }).id;
  }

  async replaceInstalments(caseId: string, instalments: { dueOn: string; amountFen: string }[]): Promise<void> {
    await this.db.manager.delete(InstalmentEntity, { caseId });
    if (instalments.length === 0) return;
    await this.db.manager.insert(
      InstalmentEntity,
      instalments.map((instalment, index) => ({ ...instalment, caseId, seq: index + 1 })),
    );
  }

  async instalmentsOf(caseId: string): Promise<InstalmentEntity[]> {
    return this.db.manager.find(InstalmentEntity, { where: { caseId }, order: { seq: 'ASC' } });
  }

  async sessionsOf(caseId: string): Promise<MediationSessionEntity[]> {
    return this.db.manager.find(MediationSessionEntity, {
      where: { caseId },
      order: { sessionDate: 'ASC', createdAt: 'ASC' },
    });
  }

  async addStage(stage: Omit<LegalAidStageEntity, 'id' | 'createdAt' | 'case'>): Promise<void> {
    await this.db.manager.insert(LegalAidStageEntity, stage);
  }

  async stagesOf(caseId: string): Promise<LegalAidStageEntity[]> {
    return this.db.manager.find(LegalAidStageEntity, { where: { caseId }, order: { createdAt: 'ASC' } });
  }

  async addPayment(payment: Omit<PaymentEntity, 'id' | 'createdAt' | 'case' | 'corrects'>): Promise<string> {
    const result = await this.db.manager.insert(PaymentEntity, payment);
    return (result.identifiers[0] as { id: string }).id;
  }

  /** An original (non-correcting) entry of this case with what its corrections already took off it. */
  async correctablePayment(
    caseId: string,
    paymentId: string,
  ): Promise<{ amountFen: bigint; correctedFen: bigint } | undefined> {
    const rows = await this.db.manager.query<{ amount_fen: string; corrected: string }[]>(
      `SELECT p.amount_fen, COALESCE((SELECT SUM(c.amount_fen) FROM payment c WHERE c.corrects_id = p.id), 0) AS corrected
         FROM payment p WHERE p.id = $1 AND p.case_id = $2 AND p.corrects_id IS NULL`,
      [paymentId, caseId],
    );
    const row = rows[0];
    return row ? { amountFen: BigInt(row.amount_fen), correctedFen: BigInt(row.corrected) } : undefined;
  }

  async paymentsOf(caseId: string): Promise<PaymentEntity[]> {
    return this.db.manager.find(PaymentEntity, { where: { caseId }, order: { createdAt: 'ASC' } });
  }

  async attachmentBelongsTo(attachmentId: string, caseId: string): Promise<boolean> {
    const rows = await this.db.manager.query<unknown[]>('SELECT 1 FROM attachment WHERE id = $1 AND case_id = $2', [
      attachmentId,
      caseId,
    ]);
    return rows.length > 0;
  }

  async addCallback(callback: {
    caseId: string;
    result: CallbackResult;
    attempts: number;
    note: string;
    recordedBy: string;
  }) {
    await this.db.manager.insert(CaseCallbackEntity, callback);
  }
}
