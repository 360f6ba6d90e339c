import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuditPageDto, ListAuditQueryDto } from 'src/audit/audit.dto';
import { AuditService } from 'src/audit/audit.service';
import { Authenticated, CurrentActor } from 'src/auth/auth.decorators';
import type { Actor } from 'src/auth/principal';
import { Role } from 'src/auth/role';

@ApiTags('audit')
@Controller('admin/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** Audit entries about the admin's subtree, newest first. */
  @Authenticated(Role.Admin)
  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: ListAuditQueryDto): Promise<AuditPageDto> {
    return this.audit.list(actor, query);
  }
}
