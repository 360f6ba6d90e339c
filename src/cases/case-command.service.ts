import type { CaseFields } from 'src/cases/case-change';
import { Injectable } from '@nestjs/common';
import { Actor } from 'src/auth/principal';
import { CaseEventType } from 'src/cases/case-event.entity';
import { CaseEventRepository } from 'src/cases/case-event.repository';
import { AddNoteDto, LinkCaseDto, ReplaceClaimsDto, UpdateCaseDto } from 'src/cases/case.dto';
import { CaseEntity } from 'src/cases/case.entity';
import { COLLECTIVE_THRESHOLD, CaseStatus, effectivePriority, OPEN_STATUSES } from 'src/cases/case.enums';
import { CaseRepository } from 'src/cases/case.repository';
import { CaseResponseDto } from 'src/cases/case-response.dto';
import { sumFen, toClaimRows } from 'src/cases/case.service';
import { CaseWriter } from 'src/cases/case-writer';
import { DomainError } from 'src/common/errors/domain.error';
import { ErrorCode } from 'src/common/errors/error-code';
import { resolveVersion } from 'src/common/http/version';
import { DbContext } from 'src/database/db-context';
import { EmployerService } from 'src/employers/employer.service';

/** Edits that are not status transitions (those are the workflow's): details, claims, notes, links. */
@Injectable()
export class CaseCommandService {
  constructor(
    private readonly db: DbContext,
    private readonly cases: CaseRepository,
    private readonly events: CaseEventRepository,
    private readonly writer: CaseWriter,
    private readonly employers: EmployerService,
  ) {}

  private requireStatus(entity: CaseEntity, allowed: CaseStatus[], command: string): void {
    if (!allowed.includes(entity.status)) {
      throw new DomainError(ErrorCode.IllegalTransition, `Cannot ${command} a case that is ${entity.status}`, {
        status: entity.status,
        allowedFrom: allowed,
      });
    }
  }

  async update(actor: Actor, id: string, dto: UpdateCaseDto, ifMatch?: string): Promise<CaseResponseDto> {
    const version = resolveVersion(dto.version, ifMatch);
    return this.db.transaction(async () => {
      const entity = await this.writer.requireInScope(actor, id);
      this.requireStatus(entity, [...OPEN_STATUSES], 'edit');
      const changes: CaseFields = {};
      if (dto.narrative !== undefined) changes.narrative = dto.narrative;
      if (dto.disputeArisenOn !== undefined) changes.disputeArisenOn = dto.disputeArisenOn;
      if (dto.employer !== undefined) changes.employerId = (await this.employers.resolve(dto.employer)).id;
      if (dto.workersAffected !== undefined) {
        changes.workersAffected = dto.workersAffected;
        changes.collective = dto.workersAffected >= COLLECTIVE_THRESHOLD;
        changes.priority = effectivePriority(entity.priority, dto.workersAffected);
      }
      const fields = Object.keys(dto).filter((key) => key !== 'version');
      return this.writer.apply(actor, entity, version, { fields: changes }, CaseEventType.Updated, {
        fields,
        collective: changes.collective,
      });
    });
  }

  async replaceClaims(actor: Actor, id: string, dto: ReplaceClaimsDto, ifMatch?: string): Promise<CaseResponseDto> {
    const version = resolveVersion(dto.version, ifMatch);
    return this.db.transaction(async () => {
      const entity = await this.writer.requireInScope(actor, id);
      this.requireStatus(entity, [...OPEN_STATUSES], 'change the claims of');
      const claims = toClaimRows(dto.claims);
      const claimedFen = sumFen(claims);
      // Replaced first so the response reads them back; a stale version rolls the replacement back with the rest.
      await this.cases.replaceClaims(id, claims);
      return this.writer.apply(actor, entity, version, { fields: { claimedFen } }, CaseEventType.ClaimsReplaced, {
        count: claims.length,
        claimedFen,
      });
    });
  }

  /** Notes are appended to the timeline; they do not change the case, so they need no version. */
  async addNote(actor: Actor, id: string, dto: AddNoteDto): Promise<{ ok: true }> {
    return this.db.transaction(async () => {
      const entity = await this.writer.requireInScope(actor, id);
      await this.events.append(id, CaseEventType.NoteAdded, actor.principal.userId, entity.version, { text: dto.text });
      await this.writer.audit(actor, entity, { event: CaseEventType.NoteAdded });
      return { ok: true };
    });
  }

  async link(actor: Actor, id: string, dto: LinkCaseDto): Promise<{ linked: boolean }> {
    if (dto.relatedCaseId === id) {
      throw new DomainError(ErrorCode.Conflict, 'A case cannot be linked to itself');
    }
    return this.db.transaction(async () => {
      const a = await this.writer.requireInScope(actor, id);
      const b = await this.writer.requireInScope(actor, dto.relatedCaseId);
      const linked = await this.cases.link(a.id, b.id, actor.principal.userId);
      if (linked) {
        await this.events.append(a.id, CaseEventType.Linked, actor.principal.userId, a.version, {
          caseId: b.id,
          number: b.number,
        });
        await this.events.append(b.id, CaseEventType.Linked, actor.principal.userId, b.version, {
          caseId: a.id,
          number: a.number,
        });
        await this.writer.audit(actor, a, { event: CaseEventType.Linked, caseId: b.id });
      }
      return { linked };
    });
  }
}
