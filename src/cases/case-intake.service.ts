import { Injectable } from '@nestjs/common';
import { Actor } from 'src/auth/principal';
import { CreateCaseDto } from 'src/cases/case.dto';
import { Channel } from 'src/cases/case.enums';
import { CaseResponseDto } from 'src/cases/case-response.dto';
import { CaseService } from 'src/cases/case.service';
import { DbContext } from 'src/database/db-context';

/** POST /cases: a case opened directly (not from a call), in one transaction. */
@Injectable()
export class CaseIntakeService {
  constructor(
    private readonly db: DbContext,
    private readonly cases: CaseService,
  ) {}

  createCase(actor: Actor, dto: CreateCaseDto): Promise<CaseResponseDto> {
    return this.db.transaction(() =>
      this.cases.create(actor, dto, { channel: dto.channel ?? Channel.Hotline, worker: dto.worker }),
    );
  }
}
