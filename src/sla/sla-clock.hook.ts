import { Injectable } from '@nestjs/common';
import type { CaseHook, CaseWrite } from 'src/cases/case-hooks';
import { clockRuleOf, clockStartsOf } from 'src/sla/clock-rules';
import { SlaService } from 'src/sla/sla.service';

/** Starts and stops a case's SLA and statutory clocks as the clock rules say, in the change's transaction. */
@Injectable()
export class SlaClockHook implements CaseHook {
  constructor(private readonly sla: SlaService) {}

  async afterWrite({ event, data, after, at }: CaseWrite): Promise<void> {
    const rule = clockRuleOf(event, data);
    if (!rule) return;
    await this.sla.stop(after.id, [...(rule.stop ?? [])]);
    await this.sla.cancel(after.id, [...(rule.cancel ?? [])]);
    const starts = clockStartsOf(event, rule, after, at);
    if (starts.length > 0) await this.sla.start(after, starts);
  }
}
