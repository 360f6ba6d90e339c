import { Module } from '@nestjs/common';
import { AttachmentController } from 'src/attachments/attachment.controller';
import { AttachmentRepository } from 'src/attachments/attachment.repository';
import { AttachmentService } from 'src/attachments/attachment.service';
import { FileStorage, LocalDiskStorage } from 'src/attachments/file-storage';
import { AuditModule } from 'src/audit/audit.module';
import { CasesModule } from 'src/cases/cases.module';
import { APP_CONFIG, AppConfig } from 'src/config/app-config';

@Module({
  imports: [AuditModule, CasesModule],
  controllers: [AttachmentController],
  providers: [
    AttachmentRepository,
    AttachmentService,
    {
      provide: FileStorage,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new LocalDiskStorage(config.storage.dir),
    },
  ],
})
export class AttachmentsModule {}
