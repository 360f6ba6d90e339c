import { Injectable } from '@nestjs/common';
import { Actor } from 'src/auth/principal';
import { PartyRefDto } from 'src/parties/party.dto';
import { DomainError } from 'src/common/errors/domain.error';
import { ErrorCode } from 'src/common/errors/error-code';
import { PartyRepository } from 'src/parties/party.repository';
import { PartyService } from 'src/parties/party.service';

/** Turns "this existing party" or "this new person" into a party id, inside the caller's transaction. */
@Injectable()
export class PartyRefService {
  constructor(
    private readonly parties: PartyRepository,
    private readonly partyService: PartyService,
  ) {}

  async resolve(actor: Actor, ref: PartyRefDto, orgUnitId: string): Promise<string> {
    if (ref.partyId !== undefined) {
      const party = await this.parties.findInScope(ref.partyId, actor.principal);
      if (!party) throw new DomainError(ErrorCode.NotFound, 'Party not found');
      return party.id;
    }
    const created = await this.partyService.create(actor, {
      name: ref.name ?? '',
      phone: ref.phone,
      idNumber: ref.idNumber,
      employmentForm: ref.employmentForm,
      unionMember: ref.unionMember,
      orgUnitId,
    });
    return created.id;
  }
}
