import { Type } from 'class-transformer';
import { IsDefined, IsEnum, IsIn, IsInt, IsNumber, IsObject, IsOptional, Min, ValidateNested } from 'class-validator';
import { CaseCategory, CaseKind, CasePriority } from 'src/cases/case.enums';
import { CalendarMode } from 'src/sla/business-calendar';
import { SlaPolicyEntity } from 'src/sla/sla-policy.entity';
import { PolicyMatch, TimerRule } from 'src/sla/sla.types';
import { TimerName } from 'src/cases/case-clock.enums';

/** Types are checked here; ranges (which depend on the timer) by policyRuleErrors, so all come back in one 400. */
export class TimerRuleDto {
  /** The limit, at least 1 (for an instalment: a grace period after the agreed day, usually 0). @example 15 */
  @IsInt()
  amount!: number;

  /** @example "days" */
  @IsIn(['seconds', 'hours', 'days'])
  unit!: TimerRule['unit'];

  /** @example "working_days" */
  @IsEnum(CalendarMode)
  mode!: CalendarMode;

  /** Fraction of the limit at which the clock warns, strictly between 0 and 1. @example 0.75 */
  @IsNumber({ allowNaN: false, allowInfinity: false })
  warnAt!: number;

  /** The most one clock may be extended by in total, in `unit` of its calendar; 0 or absent: never. @example 15 */
  @IsOptional()
  @IsInt()
  maxExtension?: number;
}

/** The clocks a policy defines; a clock it leaves out is not started for its cases. */
export class PolicyTimersDto implements Partial<Record<TimerName, TimerRuleDto>> {
  @IsOptional() @ValidateNested() @Type(() => TimerRuleDto) first_contact?: TimerRuleDto;
  @IsOptional() @ValidateNested() @Type(() => TimerRuleDto) acceptance?: TimerRuleDto;
  @IsOptional() @ValidateNested() @Type(() => TimerRuleDto) mediation?: TimerRuleDto;
  @IsOptional() @ValidateNested() @Type(() => TimerRuleDto) resolution?: TimerRuleDto;
  @IsOptional() @ValidateNested() @Type(() => TimerRuleDto) callback?: TimerRuleDto;
  @IsOptional() @ValidateNested() @Type(() => TimerRuleDto) instalment?: TimerRuleDto;
  @IsOptional() @ValidateNested() @Type(() => TimerRuleDto) limitation?: TimerRuleDto;
}

export class PolicyMatchDto implements PolicyMatch {
  @IsOptional()
  @IsEnum(CaseKind)
  kind?: CaseKind;

  @IsOptional()
  @IsEnum(CaseCategory)
  category?: CaseCategory;

  @IsOptional()
  @IsEnum(CasePriority)
  priority?: CasePriority;
}

export class UpdateSlaPolicyDto {
  /** Which cases the policy is for; omitted: unchanged. An empty object makes it a catch-all. */
  @IsOptional()
  @ValidateNested()
  @Type(() => PolicyMatchDto)
  match?: PolicyMatchDto;

  /** The complete new set of clocks (it replaces the old one). */
  @IsDefined({ message: 'timers must be given: the complete new set of clocks, which replaces the old one' })
  @IsObject({ message: 'timers must be an object of clock name to rule' })
  @ValidateNested()
  @Type(() => PolicyTimersDto)
  timers!: PolicyTimersDto;

  /** The version you read; a stale one answers 409. */
  @IsInt()
  @Min(1)
  version!: number;
}

export class SlaPolicyDto {
  /** @example "default" */
  code!: string;
  /** Bumped by every edit; clocks record the version they started under. */
  version!: number;
  position!: number;
  match!: PolicyMatchDto;
  timers!: PolicyTimersDto;
  updatedAt!: string;
}

export function toSlaPolicyDto(p: SlaPolicyEntity): SlaPolicyDto {
  return {
    code: p.code,
    version: p.version,
    position: p.position,
    match: p.match,
    timers: p.timers,
    updatedAt: p.updatedAt.toISOString(),
  };
}
