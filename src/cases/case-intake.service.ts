import { Injectable } from '@nestjs/common';
import { Actor } from 'src/auth/principal';
import { CreateCaseDto } from 'src/cases/case.dto';
import { Channel } from 'src/cases/case.enums';
import { CaseResponseDto } from 'src/cases/case-response.dto';
import { CaseService } from 'src/cases/case.service';
import { IdempotencyService } from 'src/idempotency/idempotency.service';

/** POST /cases: idempotent case creation. */
@Injectable()
export class CaseIntakeService {
  constructor(
    private readonly idempotency: IdempotencyService,
    private readonly cases: CaseService,
  ) {}

  createCase(actor: Actor, dto: CreateCaseDto, key?: string): Promise<CaseResponseDto> {
    return this.idempotency.run(actor, 'POST /cases', key, dto, () =>
      this.cases.create(actor, dto, { channel: dto.channel ?? Channel.Hotline, worker: dto.worker }),
    );
  }
}
