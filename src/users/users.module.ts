import { Module } from '@nestjs/common';
import { AuditModule } from 'src/audit/audit.module';
import { PasswordHasher } from 'src/users/password-hasher';
import { OrgUnitsModule } from 'src/org-units/org-units.module';
import { StaffController } from 'src/users/staff.controller';
import { StaffService } from 'src/users/staff.service';
import { UserBootstrapService } from 'src/users/user-bootstrap.service';
import { UserController } from 'src/users/user.controller';
import { UserRepository } from 'src/users/user.repository';
import { UserService } from 'src/users/user.service';

@Module({
  imports: [AuditModule, OrgUnitsModule],
  controllers: [UserController, StaffController],
  providers: [UserRepository, UserService, StaffService, UserBootstrapService, PasswordHasher],
  exports: [UserRepository, UserService, UserBootstrapService, PasswordHasher],
})
export class UsersModule {}
