import { AttachmentEntity } from 'src/attachments/attachment.entity';

export class AttachmentResponseDto {
  id!: string;
  caseId!: string;
  /** @example "工资条-2026年9月.pdf" */
  fileName!: string;
  contentType!: string;
  sizeBytes!: number;
  /** SHA-256 of the content, hex. */
  sha256!: string;
  uploadedBy!: string;
  createdAt!: string;
}

export function toAttachmentResponse(a: AttachmentEntity): AttachmentResponseDto {
  return {
    id: a.id,
    caseId: a.caseId,
    fileName: a.fileName,
    contentType: a.contentType,
    sizeBytes: Number(a.sizeBytes),
    sha256: a.sha256,
    uploadedBy: a.uploadedBy,
    createdAt: a.createdAt.toISOString(),
  };
}

export interface IncomingFile {
  fileName: string;
  content: NodeJS.ReadableStream;
  /** True once the stream was cut at the size limit. */
  truncated: () => boolean;
}

export interface AttachmentDownload {
  fileName: string;
  contentType: string;
  sizeBytes: number;
  content: NodeJS.ReadableStream;
}
