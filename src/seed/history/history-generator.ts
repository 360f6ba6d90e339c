import { CallDisposition } from 'src/calls/call.entity';
import { BusinessCalendar } from 'src/sla/business-calendar';
import { CaseEventType } from 'src/cases/case-event.entity';
import { CaseKind, CaseOutcome, CaseStatus, Channel, OPEN_STATUSES, COLLECTIVE_THRESHOLD } from 'src/cases/case.enums';
import { CaseProfile, ProfileDrawer } from 'src/seed/history/case-profile';
import { CaseRow, HistoryBatch, HistoryInputs, HistoryOptions, PlainParty } from 'src/seed/history/history.types';
import { Cast, consultation, dispute, followUp } from 'src/seed/history/lifecycle';
import { narrative } from 'src/seed/history/names';
import { EmployerPool } from 'src/seed/history/pools';
import { Rng, Stream } from 'src/seed/history/rng';
import { Staff } from 'src/seed/history/staff';
import { EndOfHistory, Story } from 'src/seed/history/story';
import { deriveTimers, mergeTimeline } from 'src/seed/history/timers';
import { Volume } from 'src/seed/history/volume';

const RECENT_MS = 60 * 24 * 3600 * 1000;

export const emptyBatch = (): HistoryBatch => ({
  cases: [],
  claims: [],
  events: [],
  timers: [],
  calls: [],
  payments: [],
  callbacks: [],
  sessions: [],
  instalments: [],
  stages: [],
  links: [],
});

/** Parties are referenced by id only; their "first call" times decide which a case may name. */
export type PartyRef = Pick<PlainParty, 'id'>;

/**
 * Turns case indices into rows. Case #i depends only on the seed, i and the inputs, so any batching of the
 * range gives the same rows; cases come out in order of receipt, numbered per year after what the sequences
 * had already handed out.
 */
export class HistoryGenerator {
  readonly volume: Volume;
  private readonly profiles: ProfileDrawer;
  /** The chance that a case of the last weeks is stuck: about 300 such cases, at least 5 % of the candidates. */
  private readonly stallChance: number;

  constructor(
    private readonly options: HistoryOptions,
    private readonly inputs: HistoryInputs,
    private readonly staff: Staff,
    private readonly employers: EmployerPool,
    private readonly parties: readonly PartyRef[],
    private readonly calendar: BusinessCalendar,
  ) {
    this.volume = new Volume(options.seed, options.cases, options.years, options.until, calendar);
    this.profiles = new ProfileDrawer(options.seed, inputs.tree);
    const recent = options.cases - this.volume.firstCaseOf(Math.max(this.volume.firstDay, this.volume.lastDay - 59));
    this.stallChance = Math.min(0.6, Math.max(0.05, 300 / Math.max(1, recent * 0.35)));
  }

  caseId(index: number): string {
    return new Rng(this.options.seed, Stream.CaseId, index).uuid();
  }

  caseNumber(index: number): string {
    const year = this.volume.yearOf(this.volume.dayOf(index));
    const n = (this.inputs.sequenceBase.get(year) ?? 0) + this.volume.positionInYear(index) + 1;
    return `GD-${year}-${String(n).padStart(6, '0')}`;
  }

  /** Rows for cases [from, to), appended to `out`. */
  generate(from: number, to: number, out: HistoryBatch = emptyBatch()): HistoryBatch {
    let index = from;
    while (index < to) {
      const day = this.volume.dayOf(index);
      const first = this.volume.firstCaseOf(day);
      const times = this.volume.times(day);
      for (; index < to && index < first + times.length; index++) {
        this.generateCase(index, times[index - first] ?? 0, out);
      }
    }
    return out;
  }

  private generateCase(index: number, receivedAt: number, out: HistoryBatch): void {
    const rng = new Rng(this.options.seed, Stream.Case, index);
    const p = this.profiles.draw(rng, receivedAt);
    const cast = this.cast(rng, p, index);
    const answered = p.kind === CaseKind.Consultation && rng.chance(0.85);
    const consult = p.kind === CaseKind.Consultation;
    const employer = rng.chance(consult ? 0.25 : 0.88) ? this.employers.draw(rng, p.category) : undefined;
    const row: CaseRow = {
      id: this.caseId(index),
      number: this.caseNumber(index),
      kind: p.kind,
      category: p.category,
      priority: p.priority,
      status: answered ? CaseStatus.Closed : CaseStatus.Received,
      outcome: answered ? CaseOutcome.Answered : null,
      channel: p.channel,
      orgUnitId: p.intakeUnit.id,
      ownerPath: p.intakeUnit.path,
      assigneeId: null,
      dispatchedFromUnitId: null,
      firstWorkerContactAt: null,
      proposedOutcome: null,
      lastCallbackResult: null,
      reopenCount: 0,
      workerPartyId: rng.chance(consult ? 0.05 : 0.6) ? this.party(rng, receivedAt) : null,
      employerId: employer?.id ?? null,
      workersAffected: p.workersAffected,
      collective: p.workersAffected >= COLLECTIVE_THRESHOLD,
      narrative: narrative(rng, p.category, consult, p.workersAffected),
      disputeArisenOn: p.disputeArisenOn,
      claimedFen: p.claims.reduce((sum, c) => sum + c.amountFen, 0),
      agreedFen: 0,
      awardedFen: 0,
      recoveredFen: 0,
      legalAidEligible: null,
      legalStage: null,
      receivedAt,
      closedAt: answered ? receivedAt : null,
      createdBy: p.intakeUnit.id === cast.operatorUnit ? cast.operator : cast.dispatcher,
      version: 1,
      updatedAt: receivedAt,
    };
    p.claims.forEach((c, position) =>
      out.claims.push({ id: rng.uuid(), caseId: row.id, type: c.type, amountFen: c.amountFen, position }),
    );
    this.intakeCalls(rng, row, answered, out);
    const s = new Story(rng, row, out, this.calendar, this.options.until);
    if (rng.chance(0.01)) s.pace = rng.uniform(5, 20);
    if (receivedAt >= this.options.until - RECENT_MS && rng.chance(this.stallChance))
      s.stallIn = rng.pick(OPEN_STATUSES);
    s.note(CaseEventType.Received, row.createdBy, {
      number: row.number,
      channel: row.channel,
      kind: row.kind,
      category: row.category,
      priority: row.priority,
      collective: row.collective,
      callId: null,
    });
    if (answered) s.note(CaseEventType.ConsultationAnswered, row.createdBy, { outcome: CaseOutcome.Answered });
    try {
      if (answered) followUp(s, cast, 0.06, false);
      else if (consult) consultation(s, cast);
      else dispute(s, p, cast);
    } catch (error) {
      if (!(error instanceof EndOfHistory)) throw error;
    }
    const { timers, slaEvents } = deriveTimers(
      { ...row, closedAtIntake: answered },
      s.events,
      this.inputs.policies,
      this.calendar,
      this.options.until,
      rng,
    );
    out.timers.push(...timers);
    out.events.push(...mergeTimeline(s.events, slaEvents));
    out.cases.push(row);
  }

  private cast(rng: Rng, p: CaseProfile, index: number): Cast {
    const { staff } = this;
    const city = this.inputs.tree.city.id;
    const operator = rng.pick(staff.operators);
    const originalIndex = index - rng.int(1, 200);
    return {
      operator,
      operatorUnit: city,
      dispatcher: rng.pick(staff.dispatchers.get(p.intakeUnit.id) ?? staff.dispatchers.get(city) ?? [operator]),
      legal: rng.pick(staff.legal.get(p.district.id) ?? [operator]),
      callbackBy: rng.pick(staff.operators),
      mediatorsOf: (unitId) => staff.mediators.get(unitId) ?? [],
      original: () =>
        originalIndex >= 0 ? { id: this.caseId(originalIndex), number: this.caseNumber(originalIndex) } : undefined,
    };
  }

  /** Mostly a worker calling for the first time; one in five a repeat caller. */
  private party(rng: Rng, receivedAt: number): string | null {
    const { from, to } = { from: this.volume.firstDay, to: this.volume.lastDay + 1 };
    const frac = (receivedAt / 86_400_000 + 8 / 24 - from) / (to - from);
    const known = Math.floor(Math.min(1, Math.max(0, frac)) * this.parties.length);
    const index = rng.chance(0.8) ? known - rng.int(1, 3) : rng.int(0, known - 1);
    return this.parties[index]?.id ?? null;
  }

  /** The call a remote case came in on (POST /calls), and now and then an abandoned call before it. */
  private intakeCalls(rng: Rng, row: CaseRow, answered: boolean, out: HistoryBatch): void {
    if (row.channel !== Channel.Hotline && row.channel !== Channel.Online && row.channel !== Channel.Wechat) return;
    if (row.channel === Channel.Hotline && rng.chance(0.03)) {
      const at = row.receivedAt - rng.int(1, 60) * 60_000;
      out.calls.push({
        id: rng.uuid(),
        channel: row.channel,
        operatorId: row.createdBy,
        orgUnitId: row.orgUnitId,
        startedAt: at,
        endedAt: at + rng.int(5, 40) * 1000,
        callerPartyId: null,
        summary: '来电未接通或中途挂断',
        disposition: CallDisposition.Abandoned,
        caseId: null,
      });
    }
    out.calls.push({
      id: rng.uuid(),
      channel: row.channel,
      operatorId: row.createdBy,
      orgUnitId: row.orgUnitId,
      startedAt: row.receivedAt - rng.int(2, 12) * 60_000,
      endedAt: row.receivedAt - rng.int(0, 60) * 1000,
      callerPartyId: row.workerPartyId,
      summary: row.narrative,
      disposition: answered ? CallDisposition.ConsultationAnswered : CallDisposition.CaseCreated,
      caseId: row.id,
    });
  }
}
