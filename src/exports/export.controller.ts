import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentActor } from 'src/auth/auth.decorators';
import type { Actor } from 'src/auth/principal';
import { CASEWORK_ROLES, REPORT_ROLES } from 'src/auth/role';
import { IdParam } from 'src/common/http/id-param';
import { contentDisposition, ExportFile } from 'src/exports/export-file';
import { CONTENT_TYPES } from 'src/exports/export-table';
import {
  CreateExportDto,
  ExportBreakdownQueryDto,
  ExportCasesQueryDto,
  ExportDto,
  ExportPageDto,
  ListExportsQueryDto,
} from 'src/exports/export.dto';
import { ExportService } from 'src/exports/export.service';
import { Idempotent } from 'src/idempotency/idempotent.decorator';

const FILE_TYPES = Object.values(CONTENT_TYPES);

function streamed(file: ExportFile): StreamableFile {
  return new StreamableFile(file.content, {
    type: file.contentType,
    length: file.sizeBytes,
    disposition: contentDisposition(file.fileName, file.asciiName),
  });
}

/** CSV and XLSX of breakdowns and case lists: streamed at once, or written in the background (docs/exports.md). */
@ApiTags('exports')
@Controller('exports')
export class ExportController {
  constructor(private readonly exports: ExportService) {}

  /** A breakdown (same query as GET /reports/breakdown) as a file, streamed. */
  @Authenticated(...REPORT_ROLES)
  @Get('breakdown')
  @ApiProduces(...FILE_TYPES)
  async breakdown(@CurrentActor() actor: Actor, @Query() query: ExportBreakdownQueryDto): Promise<StreamableFile> {
    return streamed(await this.exports.breakdownNow(actor, query));
  }

  /** A case list (same filters as GET /cases, every page) as a file, streamed; 409 EXPORT_TOO_LARGE past the limit. */
  @Authenticated(...CASEWORK_ROLES)
  @Get('cases')
  @ApiProduces(...FILE_TYPES)
  async cases(@CurrentActor() actor: Actor, @Query() query: ExportCasesQueryDto): Promise<StreamableFile> {
    return streamed(await this.exports.casesNow(actor, query));
  }

  /** Asks for an export written in the background; poll GET /exports/:id, then download it. */
  @Authenticated(...CASEWORK_ROLES)
  @Post()
  @Idempotent()
  @HttpCode(HttpStatus.ACCEPTED)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateExportDto): Promise<ExportDto> {
    return this.exports.create(actor, dto);
  }

  /** Your background exports, newest first. */
  @Authenticated(...CASEWORK_ROLES)
  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: ListExportsQueryDto): Promise<ExportPageDto> {
    return this.exports.list(actor, query);
  }

  /** State, progress and, when done, the download link (your own exports only). */
  @Authenticated(...CASEWORK_ROLES)
  @Get(':id')
  get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<ExportDto> {
    return this.exports.get(actor, id);
  }

  /** The file of a finished export (your own only). */
  @Authenticated(...CASEWORK_ROLES)
  @Get(':id/download')
  @ApiProduces(...FILE_TYPES)
  async download(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<StreamableFile> {
    return streamed(await this.exports.download(actor, id));
  }
}
