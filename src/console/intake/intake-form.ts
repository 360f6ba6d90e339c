import type { components } from '../api-types';

export type LogCall = components['schemas']['LogCallDto'];
export type CallResponse = components['schemas']['CallResponseDto'];
export type Lookup = components['schemas']['CallLookupResponseDto'];
export type CaseDetails = components['schemas']['CaseDetailsDto'];
export type Disposition = LogCall['disposition'];
export type ClaimType = NonNullable<CaseDetails['claims']>[number]['type'];

export interface ClaimRow {
  type: ClaimType;
  amount: string;
}

/** What a new call starts with: the commonest call (a wage dispute) needs the fewest changes. */
export const blankForm = () => ({
  phone: '',
  callerName: '',
  disposition: 'case_created' as Disposition,
  caseId: '',
  summary: '',
  kind: 'labour_dispute' as CaseDetails['kind'],
  category: 'wage_arrears' as CaseDetails['category'],
  priority: 'normal' as NonNullable<CaseDetails['priority']>,
  employerName: '',
  creditCode: '',
  workersAffected: 1,
  claims: [{ type: 'unpaid_wages', amount: '' }] as ClaimRow[],
  narrative: '',
  disputeArisenOn: '',
});

export type IntakeForm = ReturnType<typeof blankForm>;

/** The claim a new row proposes: the second claim of a wage dispute is most often overtime. */
export const nextClaim = (): ClaimRow => ({ type: 'overtime', amount: '' });

function caseDetails(form: IntakeForm, kind: CaseDetails['kind']): CaseDetails {
  const claims = form.claims.filter((c) => c.amount !== '').map((c) => ({ type: c.type, amount: c.amount }));
  return {
    kind,
    category: form.category,
    priority: form.priority,
    narrative: form.narrative || form.summary,
    workersAffected: form.workersAffected,
    ...(form.disputeArisenOn ? { disputeArisenOn: form.disputeArisenOn } : {}),
    ...(form.employerName || form.creditCode
      ? { employer: { name: form.employerName, ...(form.creditCode ? { creditCode: form.creditCode } : {}) } }
      : {}),
    ...(claims.length > 0 ? { claims } : {}),
  };
}

/** The `POST /calls` body for the form as it stands, logged with `disposition`. */
export function callBody(
  form: IntakeForm,
  lookup: Lookup | null,
  disposition: Disposition,
  times: { startedAt: string; endedAt: string },
): LogCall {
  const party = lookup?.parties[0];
  const caller = party ? { partyId: party.id } : form.phone ? { phone: form.phone, name: form.callerName } : undefined;
  const body: LogCall = {
    channel: 'hotline',
    ...times,
    summary: form.summary || form.narrative.slice(0, 200),
    disposition,
    ...(caller ? { caller } : {}),
  };
  if (disposition === 'case_created') body.case = caseDetails(form, form.kind);
  if (disposition === 'consultation_answered') body.case = caseDetails(form, 'consultation');
  if (disposition === 'attached_to_case' || (disposition === 'callback_requested' && form.caseId)) {
    body.caseId = form.caseId;
  }
  return body;
}
