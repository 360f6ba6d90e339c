import { Injectable } from '@nestjs/common';
import { AuditAction, AuditService } from 'src/audit/audit.service';
import { Actor } from 'src/auth/principal';
import { DomainError } from 'src/common/errors/domain.error';
import { ErrorCode } from 'src/common/errors/error-code';
import { Page, PageQueryDto } from 'src/common/http/page.dto';
import { normalizeChineseMobile } from 'src/common/validation/china-ids';
import { DbContext } from 'src/database/db-context';
import { OrgUnitService } from 'src/org-units/org-unit.service';
import {
  CreatePartyDto,
  PartyLookupDto,
  PartyResponseDto,
  RevealedFieldDto,
  RevealPartyFieldDto,
} from 'src/parties/party.dto';
import { EmploymentForm, PartyEntity } from 'src/parties/party.entity';
import { idNumberIndex, phoneIndex } from 'src/parties/party-pii';
import { PartyRepository } from 'src/parties/party.repository';
import { maskIdNumber, maskPhone, PiiCipher } from 'src/pii/pii-cipher';

@Injectable()
export class PartyService {
  constructor(
    private readonly db: DbContext,
    private readonly parties: PartyRepository,
    private readonly units: OrgUnitService,
    private readonly pii: PiiCipher,
    private readonly audit: AuditService,
  ) {}

  /** Every response shows personal data masked; the full value only comes through `reveal`. */
  toResponse(party: PartyEntity): PartyResponseDto {
    const phone = party.phoneCipher === null ? null : this.pii.decrypt('phone', party.phoneCipher);
    const idNumber = party.idNumberCipher === null ? null : this.pii.decrypt('idNumber', party.idNumberCipher);
    return {
      id: party.id,
      orgUnitId: party.orgUnitId,
      name: party.name,
      phoneMasked: phone === null ? null : maskPhone(phone),
      idNumberMasked: idNumber === null ? null : maskIdNumber(idNumber),
      employmentForm: party.employmentForm,
      unionMember: party.unionMember,
      version: party.version,
      createdAt: party.createdAt.toISOString(),
    };
  }

  private async requireInScope(actor: Actor, id: string): Promise<PartyEntity> {
    const party = await this.parties.findInScope(id, actor.principal);
    if (!party) throw new DomainError(ErrorCode.NotFound, 'Party not found');
    return party;
  }

  async create(actor: Actor, dto: CreatePartyDto): Promise<PartyResponseDto> {
    return this.db.transaction(async () => {
      const unit = await this.units.ownerUnit(actor.principal, dto.orgUnitId);
      const phone = dto.phone === undefined ? undefined : (normalizeChineseMobile(dto.phone) ?? dto.phone);
      const idNumber = dto.idNumber?.toUpperCase();
      const party = await this.parties.insert({
        orgUnitId: unit.id,
        name: dto.name.trim(),
        phoneCipher: phone === undefined ? null : this.pii.encrypt('phone', phone),
        phoneIndex: phone === undefined ? null : phoneIndex(this.pii, phone),
        idNumberCipher: idNumber === undefined ? null : this.pii.encrypt('idNumber', idNumber),
        idNumberIndex: idNumber === undefined ? null : idNumberIndex(this.pii, idNumber),
        employmentForm: dto.employmentForm ?? EmploymentForm.Standard,
        unionMember: dto.unionMember ?? false,
        createdBy: actor.principal.userId,
      });
      await this.audit.record(actor, {
        action: AuditAction.PartyCreate,
        targetType: 'party',
        targetId: party.id,
        scopePath: unit.path,
        detail: { withPhone: phone !== undefined, withIdNumber: idNumber !== undefined },
      });
      return this.toResponse(party);
    });
  }

  async get(actor: Actor, id: string): Promise<PartyResponseDto> {
    return this.toResponse(await this.requireInScope(actor, id));
  }

  async list(actor: Actor, page: PageQueryDto): Promise<Page<PartyResponseDto>> {
    const [items, total] = await this.parties.listInScope(actor.principal, page.limit, page.offset);
    return { items: items.map((party) => this.toResponse(party)), total, limit: page.limit, offset: page.offset };
  }

  /** Repeat-caller recognition by phone, through the blind index; only parties in the caller's scope. */
  async lookup(actor: Actor, dto: PartyLookupDto): Promise<PartyResponseDto[]> {
    const found = await this.parties.findByPhoneIndexInScope(phoneIndex(this.pii, dto.phone), actor.principal);
    return found.map((party) => this.toResponse(party));
  }

  /** The full value of one field, for a stated purpose; writes one audit entry (without the value). */
  async reveal(actor: Actor, id: string, dto: RevealPartyFieldDto): Promise<RevealedFieldDto> {
    return this.db.transaction(async () => {
      const party = await this.requireInScope(actor, id);
      const stored = dto.field === 'phone' ? party.phoneCipher : party.idNumberCipher;
      if (stored === null) throw new DomainError(ErrorCode.NotFound, `Party has no ${dto.field} on record`);
      // Filed under the party's unit when the caller's scope covers it, else under the caller's own unit (a
      // case's worker seen from the street union the case went to): either way the admins above the caller see it.
      const partyPath = party.orgUnit?.path ?? '';
      const scopePath = partyPath.startsWith(actor.principal.unitPath) ? partyPath : actor.principal.unitPath;
      await this.audit.record(actor, {
        action: AuditAction.PartyReveal,
        targetType: 'party',
        targetId: party.id,
        scopePath,
        detail: { field: dto.field, purpose: dto.purpose },
      });
      return { field: dto.field, value: this.pii.decrypt(dto.field, stored) };
    });
  }
}
