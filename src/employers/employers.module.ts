import { Module } from '@nestjs/common';
import { EmployerRepository } from 'src/employers/employer.repository';
import { EmployerService } from 'src/employers/employer.service';

@Module({ providers: [EmployerRepository, EmployerService], exports: [EmployerService] })
export class EmployersModule {}
