import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentActor } from 'src/auth/auth.decorators';
import type { Actor } from 'src/auth/principal';
import { Role } from 'src/auth/role';
import { IdParam } from 'src/common/http/id-param';
import type { Page } from 'src/common/http/page.dto';
import {
  CreateOrgUnitDto,
  ListOrgUnitsQueryDto,
  OrgUnitResponseDto,
  UpdateOrgUnitDto,
} from 'src/org-units/org-unit.dto';
import { Idempotent } from 'src/idempotency/idempotent.decorator';
import { OrgUnitService } from 'src/org-units/org-unit.service';

@ApiTags('org units')
@Controller()
export class OrgUnitController {
  constructor(private readonly units: OrgUnitService) {}

  /** Units in the caller's subtree, in tree order. */
  @Authenticated()
  @Get('org-units')
  list(@CurrentActor() actor: Actor, @Query() query: ListOrgUnitsQueryDto): Promise<Page<OrgUnitResponseDto>> {
    return this.units.list(actor, query);
  }

  @Authenticated()
  @Get('org-units/:id')
  get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<OrgUnitResponseDto> {
    return this.units.get(actor, id);
  }

  /** Adds a unit under a parent in the admin's subtree. */
  @Authenticated(Role.Admin)
  @Post('admin/org-units')
  @Idempotent()
  create(@CurrentActor() actor: Actor, @Body() dto: CreateOrgUnitDto): Promise<OrgUnitResponseDto> {
    return this.units.create(actor, dto);
  }

  /** Renames a unit (its place in the tree is fixed: moving a subtree re-scopes every record under it). */
  @Authenticated(Role.Admin)
  @Patch('admin/org-units/:id')
  update(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: UpdateOrgUnitDto,
  ): Promise<OrgUnitResponseDto> {
    return this.units.update(actor, id, dto);
  }
}
