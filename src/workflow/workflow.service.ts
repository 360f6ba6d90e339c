import { Injectable } from '@nestjs/common';
import { Actor } from 'src/auth/principal';
import { VersionedDto } from 'src/cases/case.dto';
import { CaseResponseDto } from 'src/cases/case-response.dto';
import { CaseWriter } from 'src/cases/case-writer';
import { DomainError } from 'src/common/errors/domain.error';
import { ErrorCode } from 'src/common/errors/error-code';
import { resolveVersion } from 'src/common/http/version';
import { DbContext } from 'src/database/db-context';
import { SlaHooks } from 'src/sla/sla-hooks';
import { ClosureEffects } from 'src/workflow/effects/closure.effects';
import { CommandEffects, refuse } from 'src/workflow/effects/effect';
import { LegalAidEffects } from 'src/workflow/effects/legal-aid.effects';
import { MediationEffects } from 'src/workflow/effects/mediation.effects';
import { PaymentEffects } from 'src/workflow/effects/payment.effects';
import { RoutingEffects } from 'src/workflow/effects/routing.effects';
import { SlaAlerts } from 'src/sla/sla-alerts';
import { InstalmentClocks } from 'src/workflow/instalment-clocks';
import { allowedCommands, CaseCommand, WORKFLOW } from 'src/workflow/workflow.definition';
import { WorkflowNotifier } from 'src/workflow/workflow-notifier';

@Injectable()
export class WorkflowService {
  private readonly effects: Record<CaseCommand, CommandEffects>;

  constructor(
    private readonly db: DbContext,
    private readonly writer: CaseWriter,
    private readonly notifier: WorkflowNotifier,
    private readonly slaHooks: SlaHooks,
    private readonly instalmentClocks: InstalmentClocks,
    private readonly alerts: SlaAlerts,
    routing: RoutingEffects,
    closure: ClosureEffects,
    mediation: MediationEffects,
    legalAid: LegalAidEffects,
    payments: PaymentEffects,
  ) {
    const byCommand = new Map<CaseCommand, CommandEffects>();
    for (const group of [routing, closure, mediation, legalAid, payments]) {
      for (const command of group.commands) byCommand.set(command, group);
    }
    const missing = Object.values(CaseCommand).filter((command) => !byCommand.has(command));
    if (missing.length > 0) throw new Error(`No effects for workflow command(s): ${missing.join(', ')}`);
    this.effects = Object.fromEntries(byCommand) as Record<CaseCommand, CommandEffects>;
  }

  /**
   * Runs one command of the declared machine in one transaction: scope (404), role (403), current status (409
   * with the commands allowed now), the command's own rules, then the conditional update (409 on a stale
   * version), the timeline event and the audit entry.
   */
  async execute(
    actor: Actor,
    id: string,
    command: CaseCommand,
    dto: VersionedDto,
    ifMatch?: string,
  ): Promise<CaseResponseDto> {
    const rule = WORKFLOW[command];
    const version = resolveVersion(dto.version, ifMatch);
    return this.db.transaction(async () => {
      const entity = await this.writer.requireInScope(actor, id);
      const roles = actor.principal.roles;
      if (!rule.roles.some((role) => roles.includes(role))) {
        throw new DomainError(ErrorCode.Forbidden, `Requires one of the roles: ${rule.roles.join(', ')}`);
      }
      if (!rule.from.includes(entity.status)) {
        refuse(`Cannot ${command} a case that is ${entity.status}`, entity, {
          allowedCommands: allowedCommands(entity.status, roles),
        });
      }
      const effect = await this.effects[command].effect(actor, entity, command, dto);
      const change = { fields: { ...effect.changes, status: rule.to ?? entity.status }, deltas: effect.deltas };
      const after = await this.writer.apply(actor, entity, version, change, effect.event, effect.data);
      // Clocks this command stopped after their due time are breaches, recorded as a firing job records them.
      const late = [
        ...(await this.slaHooks.onEvent(effect.event, after, effect.data)),
        ...(await this.instalmentClocks.onEvent(effect.event, after)),
      ];
      await this.alerts.record(late, 'breach');
      await this.notifier.onEvent(effect.event, after, entity.assigneeId);
      return after;
    });
  }
}
