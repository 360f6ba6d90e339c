import { Injectable } from '@nestjs/common';
import { AuditPageDto, ListAuditQueryDto, toAuditEntryDto } from 'src/audit/audit.dto';
import { AuditRepository } from 'src/audit/audit.repository';
import { Actor } from 'src/auth/principal';

export enum AuditAction {
  Login = 'auth.login',
  LoginFailed = 'auth.login_failed',
  Logout = 'auth.logout',
  RefreshReuse = 'auth.refresh_reuse',
  UserCreate = 'user.create',
  UserUpdate = 'user.update',
  OrgUnitCreate = 'org_unit.create',
  OrgUnitUpdate = 'org_unit.update',
  PartyCreate = 'party.create',
  PartyReveal = 'party.reveal',
  HeartbeatRequest = 'system.heartbeat',
  CaseCreate = 'case.create',
  CaseUpdate = 'case.update',
  CallLog = 'call.log',
  AttachmentUpload = 'attachment.upload',
  /** A case list or report taken out of the system (streamed at once or written in the background). */
  Export = 'export.create',
  /** A change made through the Bull Board (retry, clean, pause…), recorded before it runs. */
  QueueBoardAction = 'queue_board.action',
  SlaPolicyUpdate = 'sla_policy.update',
  CalendarDayUpsert = 'calendar_day.upsert',
  CalendarDayDelete = 'calendar_day.delete',
}

/** Who did it, when the caller may not be logged in yet (a login attempt). */
export interface AuditActor {
  userId: string | null;
  username: string;
  correlationId: string;
  ip: string;
}

export function auditActorOf(actor: Actor): AuditActor {
  return {
    userId: actor.principal.userId,
    username: actor.principal.username,
    correlationId: actor.correlationId,
    ip: actor.ip,
  };
}

export interface AuditRecord {
  action: AuditAction;
  targetType: string;
  targetId: string | null;
  /** Org path of what the action concerned. */
  scopePath: string;
  /** Never personal data values: field names, ids, reasons. */
  detail?: Record<string, unknown>;
}

@Injectable()
export class AuditService {
  constructor(private readonly audit: AuditRepository) {}

  async record(actor: Actor | AuditActor, record: AuditRecord): Promise<void> {
    const who = 'principal' in actor ? auditActorOf(actor) : actor;
    await this.audit.append({
      actorId: who.userId,
      actorUsername: who.username,
      correlationId: who.correlationId,
      ip: who.ip,
      action: record.action,
      targetType: record.targetType,
      targetId: record.targetId,
      scopePath: record.scopePath,
      detail: record.detail ?? {},
    });
  }

  /** Entries about the caller's subtree, newest first; `nextBefore` continues the list. */
  async list(actor: Actor, query: ListAuditQueryDto): Promise<AuditPageDto> {
    const entries = await this.audit.listInScope(actor.principal, query.limit, query.before);
    const last = entries.at(-1);
    return { items: entries.map(toAuditEntryDto), nextBefore: entries.length === query.limit && last ? last.id : null };
  }
}
