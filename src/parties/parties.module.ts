import { Module } from '@nestjs/common';
import { AuditModule } from 'src/audit/audit.module';
import { OrgUnitsModule } from 'src/org-units/org-units.module';
import { PartyRefService } from 'src/parties/party-ref.service';
import { PartyController } from 'src/parties/party.controller';
import { PartyRepository } from 'src/parties/party.repository';
import { PartyService } from 'src/parties/party.service';

@Module({
  imports: [AuditModule, OrgUnitsModule],
  controllers: [PartyController],
  providers: [PartyRepository, PartyService, PartyRefService],
  exports: [PartyService, PartyRefService, PartyRepository],
})
export class PartiesModule {}
