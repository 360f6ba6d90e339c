import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentActor } from 'src/auth/auth.decorators';
import type { Actor } from 'src/auth/principal';
import { Role } from 'src/auth/role';
import { DateParam } from 'src/common/http/date-param';
import { CalendarAdminService } from 'src/sla/calendar-admin.service';
import {
  CalendarDayDto,
  CalendarYearDto,
  CalendarYearQueryDto,
  UpsertCalendarDayDto,
} from 'src/sla/calendar-admin.dto';
import { SlaPolicyAdminService } from 'src/sla/sla-policy-admin.service';
import { SlaPolicyDto, UpdateSlaPolicyDto } from 'src/sla/sla-policy-admin.dto';

/** SLA policies and the working calendar: read by any admin, changed by an admin of the top-level federation. */
@ApiTags('sla admin')
@Controller('admin')
export class SlaAdminController {
  constructor(
    private readonly policies: SlaPolicyAdminService,
    private readonly calendar: CalendarAdminService,
  ) {}

  /** Every policy, in the order ties between equally specific policies are broken. */
  @Authenticated(Role.Admin)
  @Get('sla-policies')
  listPolicies(): Promise<SlaPolicyDto[]> {
    return this.policies.list();
  }

  @Authenticated(Role.Admin)
  @Get('sla-policies/:code')
  getPolicy(@Param('code') code: string): Promise<SlaPolicyDto> {
    return this.policies.get(code);
  }

  /** Replaces a policy's clocks (and match); new clocks use the new version, running clocks keep theirs. */
  @Authenticated(Role.Admin)
  @Put('sla-policies/:code')
  updatePolicy(
    @CurrentActor() actor: Actor,
    @Param('code') code: string,
    @Body() dto: UpdateSlaPolicyDto,
  ): Promise<SlaPolicyDto> {
    return this.policies.update(actor, code, dto);
  }

  /** The holidays and adjusted working days of a year. */
  @Authenticated(Role.Admin)
  @Get('calendar-days')
  calendarYear(@Query() query: CalendarYearQueryDto): Promise<CalendarYearDto> {
    return this.calendar.year(query.year);
  }

  /** Makes a day a holiday or an adjusted working day (or renames it). */
  @Authenticated(Role.Admin)
  @Put('calendar-days/:date')
  upsertCalendarDay(
    @CurrentActor() actor: Actor,
    @DateParam() date: string,
    @Body() dto: UpsertCalendarDayDto,
  ): Promise<CalendarDayDto> {
    return this.calendar.upsert(actor, date, dto);
  }

  /** Back to an ordinary day (Monday–Friday work). */
  @Authenticated(Role.Admin)
  @Delete('calendar-days/:date')
  @HttpCode(HttpStatus.NO_CONTENT)
  deleteCalendarDay(@CurrentActor() actor: Actor, @DateParam() date: string): Promise<void> {
    return this.calendar.delete(actor, date);
  }
}
