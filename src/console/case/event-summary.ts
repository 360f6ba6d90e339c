import { fenToYuan } from 'src/common/money/money';
import type { Label } from 'src/common/util/label';
import { label, lang } from '../i18n';
import type { CaseEvent } from './case-context';
import { EXTENSION_UNIT_LABELS, named, PAYER_LABELS, SESSION_RESULT_LABELS, STAGE_LABELS, w } from './case-words';

const MAX = 80;

const CONTACT: Record<string, Label> = {
  worker: { zh: '劳动者', en: 'worker' },
  employer: { zh: '用人单位', en: 'employer' },
  phone: { zh: '电话', en: 'phone' },
  visit: { zh: '走访', en: 'visit' },
  message: { zh: '短信/留言', en: 'message' },
};

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const yuan = (fen: unknown): string =>
  typeof fen === 'string' || typeof fen === 'number' ? `${fenToYuan(fen)} ${w('yuan')}` : '';
const short = (line: string): string => (line.length > MAX ? `${line.slice(0, MAX - 1)}…` : line);
const join = (...parts: string[]): string => parts.filter((p) => p !== '').join(' · ');

/**
 * The key data of an event in one short line, where it helps the reader (the note, where the case went, the money
 * paid); '' when the label says it all. Never who did it: the timeline is actor-less.
 */
export function eventSummary(e: CaseEvent, units: ReadonlyMap<string, string>): string {
  const d = e.data;
  const unit = (id: unknown) => units.get(text(id)) ?? '';
  const timer = () => label('timer', text(d.timer) || null);
  switch (e.type) {
    case 'note_added':
    case 'urged':
      return short(text(d.text) || text(d.note));
    case 'dispatched':
      return unit(d.orgUnitId) === '' ? '' : `${w('dispatchedTo')} ${unit(d.orgUnitId)}`;
    case 'transferred':
    case 'returned':
      return short(join(unit(d.to) === '' ? '' : `${w('dispatchedTo')} ${unit(d.to)}`, text(d.reason)));
    case 'classified': {
      const to = (d.to ?? {}) as Record<string, unknown>;
      return join(
        label('kind', text(to.kind)),
        label('category', text(to.category)),
        label('priority', text(to.priority)),
      );
    }
    case 'payment_recorded':
      return join(yuan(d.amountFen), text(d.paidOn), named(PAYER_LABELS, text(d.payer)));
    case 'payment_corrected':
      return short(join(yuan(d.amountFen), text(d.reason)));
    case 'agreement_recorded': {
      const count = typeof d.instalments === 'number' && d.instalments > 0 ? d.instalments : 0;
      const plan = count === 0 ? '' : lang.value === 'zh' ? `分 ${count} 期` : `${count} instalments`;
      return join(yuan(d.agreedFen), plan);
    }
    case 'session_recorded':
      return short(join(text(d.sessionDate), text(d.place), named(SESSION_RESULT_LABELS, text(d.result))));
    case 'contact_recorded':
      return join(named(CONTACT, text(d.with)), named(CONTACT, text(d.method)));
    case 'closure_proposed':
    case 'closed':
    case 'answered_at_intake':
      return label('outcome', text(d.outcome) || null);
    case 'callback_recorded':
      return label('callback', text(d.result) || null);
    case 'withdrawn':
    case 'not_accepted':
    case 'closed_as_duplicate':
    case 'reopened':
    case 'reassigned':
    case 'no_agreement':
    case 'referred_to_legal_aid':
      return short(text(d.reason));
    case 'eligibility_decided':
      return short(join(d.eligible === true ? w('eligible') : w('notEligible'), text(d.reason)));
    case 'stage_recorded':
      return short(join(named(STAGE_LABELS, text(d.stage)), text(d.forum), yuan(d.awardedFen)));
    case 'linked':
      return text(d.number);
    case 'attachment_added':
      return short(text(d.fileName));
    case 'call_attached':
      return short(text(d.summary));
    case 'timer_paused':
      return short(join(timer(), text(d.reason)));
    case 'extension_requested':
      return short(join(timer(), `+${String(d.amount)} ${named(EXTENSION_UNIT_LABELS, text(d.unit))}`, text(d.reason)));
    case 'extension_rejected':
      return short(join(timer(), text(d.reason)));
    case 'sla_warning':
    case 'sla_breached':
    case 'timer_resumed':
    case 'extension_approved':
      return timer();
    default:
      return '';
  }
}
