import { Injectable } from '@nestjs/common';
import { Actor } from 'src/auth/principal';
import { Role } from 'src/auth/role';
import { OrgUnitService } from 'src/org-units/org-unit.service';
import { StaffMemberDto, toStaffMember } from 'src/users/staff.dto';
import { UserRepository } from 'src/users/user.repository';

/** A unit's people, for pickers (assignee, mediator): a unit is a few dozen accounts, so this bound never bites. */
export const MAX_STAFF = 500;

@Injectable()
export class StaffService {
  constructor(
    private readonly units: OrgUnitService,
    private readonly users: UserRepository,
  ) {}

  /** The unit must be in the caller's scope (404 otherwise); deactivated accounts are left out. */
  async list(actor: Actor, unitId: string, role: Role | undefined): Promise<StaffMemberDto[]> {
    const unit = await this.units.requireInScope(unitId, actor.principal);
    return (await this.users.activeOfUnit(unit.id, role, MAX_STAFF)).map(toStaffMember);
  }
}
