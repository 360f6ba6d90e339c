import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentActor } from 'src/auth/auth.decorators';
import type { Actor } from 'src/auth/principal';
import { CASEWORK_ROLES } from 'src/auth/role';
import { EmployerSuggestionDto, SuggestEmployersQueryDto } from 'src/employers/employer.dto';
import { EmployerService } from 'src/employers/employer.service';

@ApiTags('employers')
@Controller('employers')
export class EmployerController {
  constructor(private readonly employers: EmployerService) {}

  /**
   * Up to 10 employers whose name contains `q` or whose credit code starts with it, best match first: only
   * employers with a case in your scope.
   */
  @Authenticated(...CASEWORK_ROLES)
  @Get()
  suggest(@CurrentActor() actor: Actor, @Query() query: SuggestEmployersQueryDto): Promise<EmployerSuggestionDto[]> {
    return this.employers.suggest(actor, query.q);
  }
}
