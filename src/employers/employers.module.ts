import { Module } from '@nestjs/common';
import { EmployerController } from 'src/employers/employer.controller';
import { EmployerRepository } from 'src/employers/employer.repository';
import { EmployerService } from 'src/employers/employer.service';
import { OrgUnitsModule } from 'src/org-units/org-units.module';

@Module({
  imports: [OrgUnitsModule],
  controllers: [EmployerController],
  providers: [EmployerRepository, EmployerService],
  exports: [EmployerService],
})
export class EmployersModule {}
