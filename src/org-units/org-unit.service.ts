import { Injectable } from '@nestjs/common';
import { AuditAction, AuditService } from 'src/audit/audit.service';
import { Actor, Scope, UnitScope } from 'src/auth/principal';
import { DomainError } from 'src/common/errors/domain.error';
import { ErrorCode } from 'src/common/errors/error-code';
import { Page } from 'src/common/http/page.dto';
import { DbContext } from 'src/database/db-context';
import {
  CreateOrgUnitDto,
  ListOrgUnitsQueryDto,
  OrgUnitResponseDto,
  toOrgUnitResponse,
  UpdateOrgUnitDto,
} from 'src/org-units/org-unit.dto';
import { OrgUnitEntity } from 'src/org-units/org-unit.entity';
import { OrgUnitRepository } from 'src/org-units/org-unit.repository';

@Injectable()
export class OrgUnitService {
  constructor(
    private readonly db: DbContext,
    private readonly units: OrgUnitRepository,
    private readonly audit: AuditService,
  ) {}

  /** A unit in the caller's subtree, or 404 (never 403: existence outside the scope is not revealed). */
  async requireInScope(id: string, scope: Scope): Promise<OrgUnitEntity> {
    const unit = await this.units.findInScope(id, scope);
    if (!unit) throw new DomainError(ErrorCode.NotFound, 'Org unit not found');
    return unit;
  }

  /** The units directly below a unit in the caller's subtree (404 if the unit is not in it). */
  async childrenInScope(id: string, scope: Scope): Promise<{ unit: OrgUnitEntity; children: OrgUnitEntity[] }> {
    const unit = await this.requireInScope(id, scope);
    return { unit, children: await this.units.findChildren(unit.id) };
  }

  /**
   * The id and path of a unit a record is to belong to: the caller's own unit when none is named (known from the
   * principal, no query), otherwise a unit in the caller's subtree (404 if not).
   */
  async ownerUnit(principal: UnitScope, id: string | undefined): Promise<{ id: string; path: string }> {
    if (id === undefined || id === principal.unitId) return { id: principal.unitId, path: principal.unitPath };
    const unit = await this.requireInScope(id, principal);
    return { id: unit.id, path: unit.path };
  }

  /**
   * Id and path of a unit a case is routed to by the workflow (a return to the dispatcher). Unscoped on purpose:
   * routing is not reading, and the result is never returned to the caller.
   */
  async routingTarget(id: string): Promise<{ id: string; path: string }> {
    const unit = await this.units.findById(id);
    if (!unit) throw new DomainError(ErrorCode.NotFound, 'Org unit not found');
    return { id: unit.id, path: unit.path };
  }

  async get(actor: Actor, id: string): Promise<OrgUnitResponseDto> {
    return toOrgUnitResponse(await this.requireInScope(id, actor.principal));
  }

  async list(actor: Actor, query: ListOrgUnitsQueryDto): Promise<Page<OrgUnitResponseDto>> {
    const [items, total] = await this.units.listInScope(actor.principal, query);
    return { items: items.map(toOrgUnitResponse), total, limit: query.limit, offset: query.offset };
  }

  async create(actor: Actor, dto: CreateOrgUnitDto): Promise<OrgUnitResponseDto> {
    return this.db.transaction(async () => {
      const parent = await this.requireInScope(dto.parentId, actor.principal);
      if (await this.units.codeExists(dto.code)) {
        throw new DomainError(ErrorCode.Conflict, `Org unit code ${dto.code} is already in use`);
      }
      const unit = await this.units.insert(dto, parent);
      await this.audit.record(actor, {
        action: AuditAction.OrgUnitCreate,
        targetType: 'org_unit',
        targetId: unit.id,
        scopePath: unit.path,
        detail: { code: unit.code, parentId: parent.id },
      });
      return toOrgUnitResponse(unit);
    });
  }

  async update(actor: Actor, id: string, dto: UpdateOrgUnitDto): Promise<OrgUnitResponseDto> {
    return this.db.transaction(async () => {
      const unit = await this.requireInScope(id, actor.principal);
      const changed = await this.units.updateNames(id, dto.version, { nameZh: dto.nameZh, nameEn: dto.nameEn });
      if (!changed) {
        throw new DomainError(ErrorCode.Conflict, 'Org unit was changed by someone else; reload and retry', {
          currentVersion: unit.version,
        });
      }
      await this.audit.record(actor, {
        action: AuditAction.OrgUnitUpdate,
        targetType: 'org_unit',
        targetId: id,
        scopePath: unit.path,
        detail: { fields: Object.keys(dto).filter((key) => key !== 'version') },
      });
      return toOrgUnitResponse(await this.requireInScope(id, actor.principal));
    });
  }
}
