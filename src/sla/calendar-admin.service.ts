import { Injectable } from '@nestjs/common';
import { AuditAction, AuditService } from 'src/audit/audit.service';
import { requireFederationAdmin } from 'src/auth/federation-admin';
import { Actor } from 'src/auth/principal';
import { DomainError, ValidationFailedError } from 'src/common/errors/domain.error';
import { ErrorCode } from 'src/common/errors/error-code';
import { DbContext } from 'src/database/db-context';
import { CachedData, InvalidationBus } from 'src/redis/invalidation-bus';
import { CalendarDayDto, CalendarYearDto, toCalendarDayDto, UpsertCalendarDayDto } from 'src/sla/calendar-admin.dto';
import { isWeekend } from 'src/sla/business-calendar';
import { CalendarRepository } from 'src/sla/calendar.repository';

const ADMIN_SOURCE = '管理员维护';

/**
 * Admins keep the working calendar: holidays and adjusted working days, e.g. a new year's State Council notice.
 * Running clocks keep the deadlines they have; clocks started, resumed or extended afterwards use the new calendar.
 * Every process drops its cached calendar on commit.
 */
@Injectable()
export class CalendarAdminService {
  constructor(
    private readonly db: DbContext,
    private readonly days: CalendarRepository,
    private readonly bus: InvalidationBus,
    private readonly audit: AuditService,
  ) {}

  async year(year: number): Promise<CalendarYearDto> {
    return { year, days: (await this.days.daysOfYear(year)).map(toCalendarDayDto) };
  }

  async upsert(actor: Actor, date: string, dto: UpsertCalendarDayDto): Promise<CalendarDayDto> {
    requireFederationAdmin(actor);
    if (dto.kind === 'workday' && !isWeekend(date)) {
      throw new ValidationFailedError([
        { field: 'kind', reasons: ['a Monday–Friday is a working day already; only a weekend day can be made one'] },
      ]);
    }
    const day = { date, kind: dto.kind, name: dto.name, source: dto.source ?? ADMIN_SOURCE };
    await this.db.transaction(async () => {
      await this.days.upsert(day);
      await this.changed(actor, AuditAction.CalendarDayUpsert, date, { kind: day.kind });
    });
    return day;
  }

  async delete(actor: Actor, date: string): Promise<void> {
    requireFederationAdmin(actor);
    await this.db.transaction(async () => {
      if (!(await this.days.delete(date))) throw new DomainError(ErrorCode.NotFound, 'No calendar entry for that day');
      await this.changed(actor, AuditAction.CalendarDayDelete, date, {});
    });
  }

  private async changed(
    actor: Actor,
    action: AuditAction,
    date: string,
    detail: Record<string, unknown>,
  ): Promise<void> {
    await this.audit.record(actor, {
      action,
      targetType: 'calendar_day',
      targetId: date,
      scopePath: actor.principal.unitPath,
      detail,
    });
    await this.db.afterCommit(() => this.bus.publish(CachedData.Calendar));
  }
}
