import { Module } from '@nestjs/common';
import { CalendarService } from 'src/sla/calendar.service';
import { CalendarRepository } from 'src/sla/calendar.repository';
import { CaseTimerRepository } from 'src/sla/case-timer.repository';
import { Clock } from 'src/sla/clock';
import { PolicyCatalog } from 'src/sla/policy-catalog';
import { SlaHooks } from 'src/sla/sla-hooks';
import { SlaPolicyRepository } from 'src/sla/sla-policy.repository';
import { SlaService } from 'src/sla/sla.service';
import { TimerExtensionRepository } from 'src/sla/timer-extension.repository';
import { TimerExtensions } from 'src/sla/timer-extension.service';
import { TimerFiringRepository } from 'src/sla/timer-firing.repository';
import { TimerScheduler } from 'src/sla/timer-scheduler';

/** SLA and statutory timers: working calendar, policies, case clocks and their jobs. */
@Module({
  providers: [
    CalendarRepository,
    CalendarService,
    SlaPolicyRepository,
    PolicyCatalog,
    CaseTimerRepository,
    TimerExtensionRepository,
    Clock,
    SlaService,
    SlaHooks,
    TimerExtensions,
    TimerScheduler,
    TimerFiringRepository,
  ],
  exports: [
    CalendarRepository,
    CalendarService,
    PolicyCatalog,
    SlaService,
    SlaHooks,
    TimerExtensions,
    TimerExtensionRepository,
    CaseTimerRepository,
    SlaPolicyRepository,
    TimerScheduler,
    TimerFiringRepository,
    Clock,
  ],
})
export class SlaModule {}
