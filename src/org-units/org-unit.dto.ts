import { Type } from 'class-transformer';
import { IsEnum, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength, Min } from 'class-validator';
import { PageQueryDto } from 'src/common/http/page.dto';
import { OrgUnitEntity, OrgUnitKind } from 'src/org-units/org-unit.entity';

export class ListOrgUnitsQueryDto extends PageQueryDto {
  /** Only the direct children of this unit. */
  @IsOptional()
  @IsUUID()
  parentId?: string;

  @IsOptional()
  @IsEnum(OrgUnitKind)
  kind?: OrgUnitKind;
}

export class CreateOrgUnitDto {
  /** @example "110101-dhm" */
  @IsString()
  @Matches(/^[A-Za-z0-9-]{2,32}$/, { message: 'code must be 2–32 letters, digits or hyphens' })
  code!: string;

  /** @example "东华门街道总工会" */
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  nameZh!: string;

  /** @example "Donghuamen Subdistrict Trade Union" */
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  nameEn!: string;

  @IsEnum(OrgUnitKind)
  kind!: OrgUnitKind;

  /** The parent unit; must be in the caller's subtree. */
  @IsUUID()
  parentId!: string;
}

export class UpdateOrgUnitDto {
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  nameZh?: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  nameEn?: string;

  /** The version you read; a stale one answers 409. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version!: number;
}

export class OrgUnitResponseDto {
  id!: string;
  code!: string;
  nameZh!: string;
  nameEn!: string;
  kind!: OrgUnitKind;
  parentId!: string | null;
  depth!: number;
  version!: number;
}

export function toOrgUnitResponse(unit: OrgUnitEntity): OrgUnitResponseDto {
  const { id, code, nameZh, nameEn, kind, parentId, depth, version } = unit;
  return { id, code, nameZh, nameEn, kind, parentId, depth, version };
}
