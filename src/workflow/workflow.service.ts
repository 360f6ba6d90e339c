import { Injectable } from '@nestjs/common';
import { Actor } from 'src/auth/principal';
import { VersionedDto } from 'src/cases/case.dto';
import { CaseResponseDto } from 'src/cases/case-response.dto';
import { CaseWriter } from 'src/cases/case-writer';
import { resolveVersion } from 'src/common/http/version';
import { DbContext } from 'src/database/db-context';
import { ClosureEffects } from 'src/workflow/effects/closure.effects';
import { CommandEffects, refuse } from 'src/workflow/effects/effect';
import { LegalAidEffects } from 'src/workflow/effects/legal-aid.effects';
import { MediationEffects } from 'src/workflow/effects/mediation.effects';
import { PaymentEffects } from 'src/workflow/effects/payment.effects';
import { RoutingEffects } from 'src/workflow/effects/routing.effects';
import { allowedCommands, CaseCommand, WORKFLOW } from 'src/workflow/workflow.definition';

@Injectable()
export class WorkflowService {
  private readonly effects: Record<CaseCommand, CommandEffects>;

  constructor(
    private readonly db: DbContext,
    private readonly writer: CaseWriter,
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
   * Runs one command of the declared machine in one transaction: scope (404), current status (409 with the
   * commands allowed now), the command's own rules, then the case writer: the conditional update (409 on a stale
   * version), the timeline event, the audit entry and the after-write hooks. The route guard has checked the
   * command's roles (403) from the same WORKFLOW table before this runs.
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
      if (!rule.from.includes(entity.status)) {
        refuse(`Cannot ${command} a case that is ${entity.status}`, entity, {
          allowedCommands: allowedCommands(entity.status, actor.principal.roles),
        });
      }
      const effect = await this.effects[command].effect(actor, entity, command, dto);
      const change = { fields: { ...effect.changes, status: rule.to ?? entity.status }, deltas: effect.deltas };
      return this.writer.apply(actor, entity, version, change, effect.event, effect.data);
    });
  }
}
