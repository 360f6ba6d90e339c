import { Module } from '@nestjs/common';
import { CalendarService } from 'src/sla/calendar.service';
import { CalendarRepository } from 'src/sla/calendar.repository';
import { CaseTimerRepository } from 'src/sla/case-timer.repository';
import { PolicyCatalog } from 'src/sla/policy-catalog';
import { SlaAlerts } from 'src/sla/sla-alerts';
import { CasesModule } from 'src/cases/cases.module';
import { NotificationsModule } from 'src/notifications/notifications.module';
import { SlaPolicyRepository } from 'src/sla/sla-policy.repository';
import { SlaService } from 'src/sla/sla.service';
import { TimerExtensionRepository } from 'src/sla/timer-extension.repository';
import { TimerExtensions } from 'src/sla/timer-extension.service';
import { TimerFiringRepository } from 'src/sla/timer-firing.repository';
import { TimerScheduler } from 'src/sla/timer-scheduler';

/** SLA and statutory timers: working calendar, policies, case clocks and their jobs. */
@Module({
  imports: [CasesModule, NotificationsModule],
  providers: [
    CalendarRepository,
    CalendarService,
    SlaPolicyRepository,
    PolicyCatalog,
    CaseTimerRepository,
    TimerExtensionRepository,
    SlaService,
    SlaAlerts,
    TimerExtensions,
    TimerScheduler,
    TimerFiringRepository,
  ],
  exports: [
    CalendarRepository,
    CalendarService,
    PolicyCatalog,
    SlaService,
    SlaAlerts,
    TimerExtensions,
    TimerExtensionRepository,
    CaseTimerRepository,
    SlaPolicyRepository,
    TimerScheduler,
    TimerFiringRepository,
  ],
})
export class SlaModule {}
