import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentActor } from 'src/auth/auth.decorators';
import type { Actor } from 'src/auth/principal';
import { CASEWORK_ROLES } from 'src/auth/role';
import { IdParam } from 'src/common/http/id-param';
import { ListStaffQueryDto, StaffMemberDto } from 'src/users/staff.dto';
import { StaffService } from 'src/users/staff.service';

@ApiTags('org units')
@Controller('org-units')
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  /** Active accounts whose home unit is this unit (not the units below it), by display name. */
  @Authenticated(...CASEWORK_ROLES)
  @Get(':id/staff')
  list(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Query() query: ListStaffQueryDto,
  ): Promise<StaffMemberDto[]> {
    return this.staff.list(actor, id, query.role);
  }
}
