import type { Type } from '@nestjs/common';
import type { CaseHook } from 'src/cases/case-hooks';
import { SlaClockHook } from 'src/sla/sla-clock.hook';
import { InstalmentClockHook } from 'src/workflow/instalment-clock.hook';
import { WorkflowNotificationHook } from 'src/workflow/workflow-notification.hook';

/**
 * Every after-write hook, in the order each case change runs them. A new reaction to case changes is one class
 * implementing CaseHook and one line here. Order matters where one hook reads what another wrote: clocks first,
 * then who is told.
 */
export const CASE_HOOKS: readonly Type<CaseHook>[] = [SlaClockHook, InstalmentClockHook, WorkflowNotificationHook];
