import { Module } from '@nestjs/common';
import { AuditModule } from 'src/audit/audit.module';
import { OrgUnitController } from 'src/org-units/org-unit.controller';
import { OrgUnitRepository } from 'src/org-units/org-unit.repository';
import { OrgUnitService } from 'src/org-units/org-unit.service';

@Module({
  imports: [AuditModule],
  controllers: [OrgUnitController],
  providers: [OrgUnitRepository, OrgUnitService],
  exports: [OrgUnitRepository, OrgUnitService],
})
export class OrgUnitsModule {}
