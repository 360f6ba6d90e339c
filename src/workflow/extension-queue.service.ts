import { Injectable } from '@nestjs/common';
import { Actor } from 'src/auth/principal';
import { decodeCursor, isPgTimestamp, isUuid, keysetPage } from 'src/common/http/cursor';
import { TimerExtensionRepository } from 'src/sla/timer-extension.repository';
import { ExtensionRequestPageDto, ListExtensionRequestsQueryDto, toPendingExtensionDto } from 'src/workflow/timer.dto';

/**
 * The dispatcher's list of extension requests: scoped like the decisions (a request on a case outside the caller's
 * subtree does not exist for them), oldest first so the longest wait is decided first.
 */
@Injectable()
export class ExtensionQueueService {
  constructor(private readonly requests: TimerExtensionRepository) {}

  async list(actor: Actor, query: ListExtensionRequestsQueryDto): Promise<ExtensionRequestPageDto> {
    let after: { requestedKey: string; id: string } | undefined;
    if (query.cursor !== undefined) {
      const [requestedKey = '', id = ''] = decodeCursor(query.cursor, [isPgTimestamp, isUuid]);
      after = { requestedKey, id };
    }
    const rows = await this.requests.pageInScope(actor.principal.unitPath, query.state, query.limit + 1, after);
    return keysetPage(rows, query.limit, toPendingExtensionDto, (r) => [r.requestedKey, r.request.id]);
  }
}
