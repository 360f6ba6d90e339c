import { IsString, MaxLength, MinLength } from 'class-validator';
import { EmployerRef } from 'src/employers/employer.repository';

export class SuggestEmployersQueryDto {
  /** A fragment of the employer's name, or the start of its credit code (1–100 characters). @example "美团" */
  @IsString({ message: 'q must be text' })
  @MinLength(1, { message: 'q is required: type part of the name or the start of the credit code' })
  @MaxLength(100, { message: 'q must be at most 100 characters' })
  q!: string;
}

export class EmployerSuggestionDto {
  id!: string;
  /** @example "北京美团科技有限公司" */
  name!: string;
  /** 统一社会信用代码, when known. @example "91110108MA01ABCD2X" */
  creditCode!: string | null;
}

export function toEmployerSuggestion(e: EmployerRef): EmployerSuggestionDto {
  return { id: e.id, name: e.name, creditCode: e.creditCode };
}
