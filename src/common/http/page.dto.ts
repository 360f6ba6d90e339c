import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const MAX_PAGE_SIZE = 100;
// Deep offsets make PostgreSQL walk and discard rows; past this, narrow the filters instead.
export const MAX_OFFSET = 10000;

export class PageQueryDto {
  /** Items per page (1–100). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit = 20;

  /** Items to skip (0–10000). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_OFFSET)
  offset = 0;
}

export interface Page<T> {
  items: T[];
  /** Matching items in the caller's scope. */
  total: number;
  limit: number;
  offset: number;
}
