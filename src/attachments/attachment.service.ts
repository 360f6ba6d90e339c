import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  AttachmentDownload,
  AttachmentResponseDto,
  IncomingFile,
  toAttachmentResponse,
} from 'src/attachments/attachment.dto';
import { AttachmentRepository } from 'src/attachments/attachment.repository';
import { ACCEPTED_EXTENSIONS, detectContentType } from 'src/attachments/content-type';
import { FileStorage } from 'src/attachments/file-storage';
import { AuditAction, AuditService } from 'src/audit/audit.service';
import { Actor } from 'src/auth/principal';
import { CaseWriter } from 'src/cases/case-writer';
import { CaseEventType } from 'src/cases/case-event.entity';
import { CaseEventRepository } from 'src/cases/case-event.repository';
import { DomainError, ValidationFailedError } from 'src/common/errors/domain.error';
import { ErrorCode } from 'src/common/errors/error-code';
import { APP_CONFIG, AppConfig } from 'src/config/app-config';
import { DbContext } from 'src/database/db-context';

const FILE_NAME = /^[^/\\\0]{1,255}$/;

@Injectable()
export class AttachmentService {
  private readonly logger = new Logger(AttachmentService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: DbContext,
    private readonly storage: FileStorage,
    private readonly attachments: AttachmentRepository,
    private readonly writer: CaseWriter,
    private readonly events: CaseEventRepository,
    private readonly audit: AuditService,
  ) {}

  async upload(
    actor: Actor,
    caseId: string,
    incoming: Promise<IncomingFile | undefined>,
  ): Promise<AttachmentResponseDto> {
    const target = await this.writer.requireInScope(actor, caseId);
    const file = await incoming;
    if (!file)
      throw new ValidationFailedError([
        { field: 'file', reasons: ['send one file as multipart/form-data field "file"'] },
      ]);
    if (!FILE_NAME.test(file.fileName)) {
      throw new ValidationFailedError([
        { field: 'file', reasons: ['file name must be 1–255 characters without slashes'] },
      ]);
    }
    const key = `${target.id}/${randomUUID()}`;
    const stored = await this.storage.put(key, Readable.from(file.content));
    const contentType = detectContentType(file.fileName, stored.head);
    if (file.truncated() || contentType === undefined) {
      await this.storage.remove(key);
      if (file.truncated()) {
        throw new DomainError(
          ErrorCode.PayloadTooLarge,
          `Files may be at most ${this.config.storage.maxAttachmentBytes} bytes`,
        );
      }
      throw new DomainError(
        ErrorCode.UnsupportedMediaType,
        `Accepted files: ${ACCEPTED_EXTENSIONS.join(', ')} (checked by content)`,
      );
    }
    try {
      return await this.db.transaction(async () => {
        const saved = await this.attachments.insert({
          caseId: target.id,
          fileName: file.fileName,
          contentType,
          sizeBytes: String(stored.sizeBytes),
          sha256: stored.sha256,
          storageKey: key,
          uploadedBy: actor.principal.userId,
        });
        await this.events.append(target.id, CaseEventType.AttachmentAdded, actor.principal.userId, target.version, {
          attachmentId: saved.id,
          fileName: saved.fileName,
          sha256: saved.sha256,
        });
        await this.audit.record(actor, {
          action: AuditAction.AttachmentUpload,
          targetType: 'attachment',
          targetId: saved.id,
          scopePath: target.ownerPath,
          detail: { caseId: target.id, sha256: saved.sha256 },
        });
        return toAttachmentResponse(saved);
      });
    } catch (error) {
      // The row did not commit, so the bytes must not linger either.
      await this.storage.remove(key).catch((cleanup: unknown) => {
        this.logger.warn(`could not remove orphan upload ${key}: ${String(cleanup)}`);
      });
      throw error;
    }
  }

  async list(actor: Actor, caseId: string): Promise<AttachmentResponseDto[]> {
    const target = await this.writer.requireInScope(actor, caseId);
    return (await this.attachments.listForCase(target.id)).map(toAttachmentResponse);
  }

  async download(actor: Actor, id: string): Promise<AttachmentDownload> {
    const attachment = await this.attachments.findInScope(id, actor.principal);
    if (!attachment) throw new DomainError(ErrorCode.NotFound, 'Attachment not found');
    return {
      fileName: attachment.fileName,
      contentType: attachment.contentType,
      sizeBytes: Number(attachment.sizeBytes),
      content: await this.storage.open(attachment.storageKey),
    };
  }
}
