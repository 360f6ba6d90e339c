import { Module } from '@nestjs/common';
import { CalendarService } from 'src/sla/calendar.service';
import { CalendarRepository } from 'src/sla/calendar.repository';
import { CaseTimerRepository } from 'src/sla/case-timer.repository';
import { Clock } from 'src/sla/clock';
import { SlaHooks } from 'src/sla/sla-hooks';
import { SlaPolicyRepository } from 'src/sla/sla-policy.repository';
import { SlaService } from 'src/sla/sla.service';
import { TimerScheduler } from 'src/sla/timer-scheduler';

/** SLA and statutory timers: working calendar, policies, case clocks and their jobs. */
@Module({
  providers: [
    CalendarRepository,
    CalendarService,
    SlaPolicyRepository,
    CaseTimerRepository,
    Clock,
    SlaService,
    SlaHooks,
    TimerScheduler,
  ],
  exports: [CalendarService, SlaService, SlaHooks, CaseTimerRepository, SlaPolicyRepository, TimerScheduler, Clock],
})
export class SlaModule {}
