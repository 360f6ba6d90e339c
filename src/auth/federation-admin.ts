import { Actor } from 'src/auth/principal';
import { DomainError } from 'src/common/errors/domain.error';
import { ErrorCode } from 'src/common/errors/error-code';

/**
 * Reference data the whole federation shares (SLA policies, the working calendar) is changed only by an admin of
 * a top-level unit; an admin of a district runs their own subtree's accounts and units, not everyone's deadlines.
 */
export function requireFederationAdmin(actor: Actor): void {
  if (actor.principal.unitPath.split('/').filter(Boolean).length !== 1) {
    throw new DomainError(ErrorCode.Forbidden, 'Only an admin of the top-level federation may change this');
  }
}
