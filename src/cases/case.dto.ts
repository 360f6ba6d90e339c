import { IntersectionType, PartialType, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDateString,
  IsEnum,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CaseCategory, CaseKind, CasePriority, Channel, ClaimType } from 'src/cases/case.enums';
import { IsYuan } from 'src/common/money/money.decorator';
import { IsUnifiedSocialCreditCode } from 'src/common/validation/china-ids.decorators';
import { PartyRefDto } from 'src/parties/party.dto';

export class EmployerInputDto {
  /** @example "北京某某外卖配送有限公司" */
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  /** 统一社会信用代码 (18 characters, check character verified). @example "91110108551385082Q" */
  @IsOptional()
  @IsUnifiedSocialCreditCode()
  creditCode?: string;

  /** @example "即时配送" */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  industry?: string;

  /** @example "北京市朝阳区望京街道某某路1号" */
  @IsOptional()
  @IsString()
  @MaxLength(300)
  address?: string;

  /**
   * The district union whose area the employer is in (`GET /org-units?kind=district`). Kept when the employer
   * already has one. @example "0b6f9a3e-7d1c-4f7e-9c2a-5e8d1f4a6b20"
   */
  @IsOptional()
  @IsUUID()
  districtId?: string;
}

export class VersionedDto {
  /** The case version you read (or send it as `If-Match`). A stale one answers 409. */
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class ClaimInputDto {
  @IsEnum(ClaimType)
  type!: ClaimType;

  /** Yuan as a string with at most two decimals. @example "12345.67" */
  @IsYuan()
  amount!: string;

  /** @example "2026年8月至10月工资" */
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

/** The case part of an intake, shared by POST /cases and POST /calls. */
export class CaseDetailsDto {
  @IsEnum(CaseKind)
  kind!: CaseKind;

  @IsEnum(CaseCategory)
  category!: CaseCategory;

  @IsOptional()
  @IsEnum(CasePriority)
  priority?: CasePriority;

  /** What happened, in the caller's words. @example "外卖骑手反映平台拖欠三个月配送费，约12人受影响。" */
  @IsString()
  @IsNotEmpty()
  @MaxLength(10000)
  narrative!: string;

  /** 10 or more makes the dispute collective (and at least urgent). */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100000)
  workersAffected?: number;

  /** When the worker learned of the infringement (YYYY-MM-DD). @example "2026-09-01" */
  @IsOptional()
  @IsDateString({ strict: true, strictSeparator: true })
  disputeArisenOn?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => EmployerInputDto)
  employer?: EmployerInputDto;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ClaimInputDto)
  claims?: ClaimInputDto[];

  /** Owning unit; defaults to yours; must be in your subtree. */
  @IsOptional()
  @IsUUID()
  orgUnitId?: string;
}

export class CreateCaseDto extends CaseDetailsDto {
  @IsOptional()
  @IsEnum(Channel)
  channel?: Channel;

  /** The worker concerned. */
  @IsOptional()
  @ValidateNested()
  @Type(() => PartyRefDto)
  worker?: PartyRefDto;
}

export class ClassifyCaseDto extends VersionedDto {
  @IsEnum(CaseKind)
  kind!: CaseKind;

  @IsEnum(CaseCategory)
  category!: CaseCategory;

  @IsEnum(CasePriority)
  priority!: CasePriority;
}

export class UpdateCaseDto extends IntersectionType(
  PartialType(PickType(CaseDetailsDto, ['narrative', 'workersAffected', 'disputeArisenOn', 'employer'] as const)),
  VersionedDto,
) {}

export class ReplaceClaimsDto extends VersionedDto {
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ClaimInputDto)
  claims!: ClaimInputDto[];
}

export class AddNoteDto {
  /** @example "已电话联系用人单位人事，对方承诺本周内答复。" */
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  text!: string;
}

export class LinkCaseDto {
  @IsUUID()
  relatedCaseId!: string;
}
