import { Module } from '@nestjs/common';
import { AttachmentController } from 'src/attachments/attachment.controller';
import { AttachmentRepository } from 'src/attachments/attachment.repository';
import { AttachmentService } from 'src/attachments/attachment.service';
import { FILE_STORAGE_PROVIDER } from 'src/attachments/file-storage';
import { AuditModule } from 'src/audit/audit.module';
import { CasesModule } from 'src/cases/cases.module';

@Module({
  imports: [AuditModule, CasesModule],
  controllers: [AttachmentController],
  providers: [AttachmentRepository, AttachmentService, FILE_STORAGE_PROVIDER],
})
export class AttachmentsModule {}
