import { Injectable } from '@nestjs/common';
import { AuditPageDto, ListAuditQueryDto, toAuditEntryDto } from 'src/audit/audit.dto';
import { AuditService } from 'src/audit/audit.service';
import { Actor } from 'src/auth/principal';

@Injectable()
export class AuditQueryService {
  constructor(private readonly audit: AuditService) {}

  async list(actor: Actor, query: ListAuditQueryDto): Promise<AuditPageDto> {
    const entries = await this.audit.list(actor.principal, query.limit, query.before);
    const last = entries.at(-1);
    return { items: entries.map(toAuditEntryDto), nextBefore: entries.length === query.limit && last ? last.id : null };
  }
}
