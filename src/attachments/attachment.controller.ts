import { Controller, createParamDecorator, ExecutionContext, Get, Post, StreamableFile } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { AttachmentResponseDto, IncomingFile } from 'src/attachments/attachment.dto';
import { AttachmentService } from 'src/attachments/attachment.service';
import { Authenticated, CurrentActor } from 'src/auth/auth.decorators';
import type { Actor } from 'src/auth/principal';
import { CASEWORK_ROLES, Role } from 'src/auth/role';
import { IdParam } from 'src/common/http/id-param';

/** The multipart file of the request (at most one, size-limited by the multipart plugin). */
const UploadedFile = createParamDecorator(
  async (_data: unknown, context: ExecutionContext): Promise<IncomingFile | undefined> => {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (!request.isMultipart()) return undefined;
    const part = await request.file();
    if (!part) return undefined;
    return { fileName: part.filename, content: part.file, truncated: () => part.file.truncated };
  },
);

@ApiTags('attachments')
@Controller()
export class AttachmentController {
  constructor(private readonly attachments: AttachmentService) {}

  /** Uploads one evidence file (PDF, JPEG, PNG, WebP, DOCX, XLSX; type checked by content; size-limited). */
  @Authenticated(Role.Operator, Role.Dispatcher, Role.Mediator, Role.LegalAid)
  @Post('cases/:id/attachments')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } },
  })
  upload(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @UploadedFile() file: Promise<IncomingFile | undefined>,
  ): Promise<AttachmentResponseDto> {
    return this.attachments.upload(actor, id, file);
  }

  @Authenticated(...CASEWORK_ROLES)
  @Get('cases/:id/attachments')
  list(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<AttachmentResponseDto[]> {
    return this.attachments.list(actor, id);
  }

  /** The file itself. */
  @Authenticated(...CASEWORK_ROLES)
  @Get('attachments/:id/content')
  @ApiProduces('application/octet-stream')
  async download(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<StreamableFile> {
    const file = await this.attachments.download(actor, id);
    return new StreamableFile(file.content as never, {
      type: file.contentType,
      length: file.sizeBytes,
      disposition: `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    });
  }
}
