import { Module } from '@nestjs/common';
import { CalendarService } from 'src/sla/calendar.service';
import { CalendarRepository } from 'src/sla/calendar.repository';

/** SLA and statutory timers. So far: the working calendar; timers, firing and the reconciler come next. */
@Module({
  providers: [CalendarRepository, CalendarService],
  exports: [CalendarService],
})
export class SlaModule {}
