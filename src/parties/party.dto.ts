import { OmitType } from '@nestjs/swagger';
import {
  IsBoolean,
  IsEnum,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { IsChineseMobile, IsResidentIdNumber } from 'src/common/validation/china-ids.decorators';
import { EmploymentForm } from 'src/parties/party.entity';

export class CreatePartyDto {
  /** @example "王小明" */
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  /** Mainland mobile number; stored encrypted, shown masked. @example "13912345678" */
  @IsOptional()
  @IsChineseMobile()
  phone?: string;

  /** 18-character resident ID number; stored encrypted, shown masked. @example "11010519491231002X" */
  @IsOptional()
  @IsResidentIdNumber()
  idNumber?: string;

  @IsOptional()
  @IsEnum(EmploymentForm)
  employmentForm?: EmploymentForm;

  @IsOptional()
  @IsBoolean()
  unionMember?: boolean;

  /** Owning unit; defaults to the caller's home unit; must be in the caller's subtree. */
  @IsOptional()
  @IsUUID()
  orgUnitId?: string;
}

export class PartyLookupDto {
  /** Sent in the body, never in a URL. @example "13912345678" */
  @IsChineseMobile()
  phone!: string;
}

export const REVEALABLE_FIELDS = ['phone', 'idNumber'] as const;
export type RevealableField = (typeof REVEALABLE_FIELDS)[number];

export class RevealPartyFieldDto {
  @IsIn(REVEALABLE_FIELDS)
  field!: RevealableField;

  /** Why the full value is needed; recorded in the audit log. @example "回拨来电人核实诉求" */
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  purpose!: string;
}

export class RevealedFieldDto {
  field!: RevealableField;
  value!: string;
}

export class PartyResponseDto {
  id!: string;
  orgUnitId!: string;
  name!: string;
  /** @example "139****5678" */
  phoneMasked!: string | null;
  /** @example "110105********002X" */
  idNumberMasked!: string | null;
  employmentForm!: EmploymentForm;
  unionMember!: boolean;
  version!: number;
  createdAt!: string;
}

/** Either an existing party (`partyId`) or a new one described inline (the fields of POST /parties). */
export class PartyRefDto extends OmitType(CreatePartyDto, ['name', 'orgUnitId'] as const) {
  /** An existing party in your scope. */
  @IsOptional()
  @IsUUID()
  partyId?: string;

  /** Required for a new party. @example "王小明" */
  @ValidateIf((o: PartyRefDto) => o.partyId === undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name?: string;
}
