import { CATEGORY_LABELS, CHANNEL_LABELS, KIND_LABELS, STATUS_LABELS } from 'src/cases/case-labels';
import { CaseCategory, CaseKind, CaseStatus, Channel } from 'src/cases/case.enums';
import { Label } from 'src/common/util/label';
import { TIMER_LABELS } from 'src/sla/sla.types';
import { TimerName } from 'src/cases/case-clock.enums';

/**
 * Names the dashboard shows for enum values the reports return as codes: the same tables exports and
 * notifications use, so a status reads the same everywhere. (Figure names come with every summary, from
 * report-figures.ts.)
 */
export interface DashboardLabels {
  status: Record<CaseStatus, Label>;
  kind: Record<CaseKind, Label>;
  category: Record<CaseCategory, Label>;
  channel: Record<Channel, Label>;
  timer: Record<TimerName, Label>;
}

export const DASHBOARD_LABELS: DashboardLabels = {
  status: STATUS_LABELS,
  kind: KIND_LABELS,
  category: CATEGORY_LABELS,
  channel: CHANNEL_LABELS,
  timer: TIMER_LABELS,
};
