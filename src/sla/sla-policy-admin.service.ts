import { Injectable } from '@nestjs/common';
import { AuditAction, AuditService } from 'src/audit/audit.service';
import { requireFederationAdmin } from 'src/auth/federation-admin';
import { Actor } from 'src/auth/principal';
import { DomainError, ValidationFailedError } from 'src/common/errors/domain.error';
import { ErrorCode } from 'src/common/errors/error-code';
import { DbContext } from 'src/database/db-context';
import { CachedData, InvalidationBus } from 'src/redis/invalidation-bus';
import {
  PolicyMatchDto,
  PolicyTimersDto,
  SlaPolicyDto,
  toSlaPolicyDto,
  UpdateSlaPolicyDto,
} from 'src/sla/sla-policy-admin.dto';
import { SlaPolicyEntity } from 'src/sla/sla-policy.entity';
import { SlaPolicyRepository } from 'src/sla/sla-policy.repository';
import { policyRuleErrors } from 'src/sla/sla-policy.rules';
import { PolicyMatch, TimerRule } from 'src/sla/sla.types';
import { TimerName } from 'src/cases/case-clock.enums';

/**
 * Admins read and edit SLA policies. An edit bumps the policy's version and applies to clocks started afterwards:
 * running clocks carry a copy of the rule they started under. Every process drops its cached policies on commit.
 */
@Injectable()
export class SlaPolicyAdminService {
  constructor(
    private readonly db: DbContext,
    private readonly policies: SlaPolicyRepository,
    private readonly bus: InvalidationBus,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<SlaPolicyDto[]> {
    return (await this.policies.all()).map(toSlaPolicyDto);
  }

  async get(code: string): Promise<SlaPolicyDto> {
    return toSlaPolicyDto(await this.require(code));
  }

  async update(actor: Actor, code: string, dto: UpdateSlaPolicyDto): Promise<SlaPolicyDto> {
    requireFederationAdmin(actor);
    const timers = plainTimers(dto.timers);
    const errors = policyRuleErrors(timers);
    if (errors.length > 0) throw new ValidationFailedError(errors);
    return this.db.transaction(async () => {
      const current = await this.require(code);
      const match = dto.match === undefined ? current.match : plainMatch(dto.match);
      if (!(await this.policies.updateIfVersion(code, dto.version, { match, timers }))) {
        throw new DomainError(ErrorCode.Conflict, 'The policy was changed by someone else; reload and retry', {
          currentVersion: current.version,
        });
      }
      await this.audit.record(actor, {
        action: AuditAction.SlaPolicyUpdate,
        targetType: 'sla_policy',
        targetId: code,
        scopePath: actor.principal.unitPath,
        detail: { fromVersion: current.version, timers: Object.keys(timers), matchChanged: dto.match !== undefined },
      });
      await this.db.afterCommit(() => this.bus.publish(CachedData.SlaPolicies));
      return toSlaPolicyDto(await this.require(code));
    });
  }

  private async require(code: string): Promise<SlaPolicyEntity> {
    const policy = await this.policies.findByCode(code);
    if (!policy) throw new DomainError(ErrorCode.NotFound, 'SLA policy not found');
    return policy;
  }
}

/** Only the keys that were sent: a validated DTO instance carries its undeclared optional fields as undefined. */
function plainTimers(dto: PolicyTimersDto): Partial<Record<TimerName, TimerRule>> {
  const timers: Partial<Record<TimerName, TimerRule>> = {};
  for (const name of Object.values(TimerName)) {
    const rule = dto[name];
    if (rule === undefined) continue;
    timers[name] = {
      amount: rule.amount,
      unit: rule.unit,
      mode: rule.mode,
      warnAt: rule.warnAt,
      ...(rule.maxExtension === undefined ? {} : { maxExtension: rule.maxExtension }),
    };
  }
  return timers;
}

function plainMatch(dto: PolicyMatchDto): PolicyMatch {
  const match: PolicyMatch = {};
  if (dto.kind !== undefined) match.kind = dto.kind;
  if (dto.category !== undefined) match.category = dto.category;
  if (dto.priority !== undefined) match.priority = dto.priority;
  return match;
}
