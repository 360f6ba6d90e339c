import { Module } from '@nestjs/common';
import { AuditModule } from 'src/audit/audit.module';
import { CallController } from 'src/calls/call.controller';
import { CallRepository } from 'src/calls/call.repository';
import { CallService } from 'src/calls/call.service';
import { MyCallsController } from 'src/calls/my-calls.controller';
import { CasesModule } from 'src/cases/cases.module';
import { PartiesModule } from 'src/parties/parties.module';

@Module({
  imports: [AuditModule, CasesModule, PartiesModule],
  controllers: [CallController, MyCallsController],
  providers: [CallRepository, CallService],
})
export class CallsModule {}
