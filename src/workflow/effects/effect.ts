import type { CaseDeltas, CaseFields } from 'src/cases/case-change';
import { Actor } from 'src/auth/principal';
import { CaseEventType } from 'src/cases/case-event.entity';
import { CaseEntity } from 'src/cases/case.entity';
import { DomainError } from 'src/common/errors/domain.error';
import { ErrorCode } from 'src/common/errors/error-code';
import { CaseCommand } from 'src/workflow/workflow.definition';

/** What a command does beyond the status change the definition declares. */
export interface Effect {
  changes: CaseFields;
  deltas?: CaseDeltas;
  event: CaseEventType;
  data: Record<string, unknown>;
}

/** A group of commands' own rules and effects. Runs inside the command's transaction, after status checks. */
export interface CommandEffects {
  readonly commands: readonly CaseCommand[];
  effect(actor: Actor, entity: CaseEntity, command: CaseCommand, dto: object): Promise<Effect>;
}

/** A command-specific rule refused the command: 409 with the case's status. */
export function refuse(message: string, entity: CaseEntity, details: Record<string, unknown> = {}): never {
  throw new DomainError(ErrorCode.IllegalTransition, message, { status: entity.status, ...details });
}
