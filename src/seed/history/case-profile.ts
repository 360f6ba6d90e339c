import {
  CaseCategory,
  CaseKind,
  CasePriority,
  Channel,
  ClaimType,
  COLLECTIVE_THRESHOLD,
  effectivePriority,
} from 'src/cases/case.enums';
import { DAY_MS } from 'src/sla/business-calendar';
import { dayString, shanghaiDayNumber } from 'src/common/util/shanghai-time';
import { DistrictRef, TreeRef, UnitRef } from 'src/seed/history/history.types';
import { Rng, Stream, Weighted } from 'src/seed/history/rng';
import { festivalSurge } from 'src/seed/history/volume';

/** What a case is about, decided at intake. */
export interface CaseProfile {
  channel: Channel;
  kind: CaseKind;
  category: CaseCategory;
  priority: CasePriority;
  workersAffected: number;
  district: DistrictRef;
  /** Where the case is received: the city hotline, or a district's office for walk-ins and referrals. */
  intakeUnit: UnitRef;
  /** The union it will be dispatched to. */
  handlingUnit: UnitRef;
  claims: { type: ClaimType; amountFen: number }[];
  disputeArisenOn: string | null;
}

/** Relative case load of the Beijing districts (by code); other trees weigh districts by their street count. */
const DISTRICT_LOAD: Record<string, number> = {
  '110105': 14,
  '110108': 11,
  '110106': 8,
  '110102': 6,
  '110101': 5,
  '110114': 6,
  '110115': 6,
  '110112': 6,
  '110113': 5,
  '110111': 4,
  '110107': 2.5,
  '110109': 1.2,
  '110116': 1.2,
  '110117': 1.1,
  '110118': 1.2,
  '110119': 0.8,
  '110199': 3,
};

const CHANNELS = Weighted.of<Channel>({
  [Channel.Hotline]: 62,
  [Channel.Online]: 12,
  [Channel.Wechat]: 10,
  [Channel.WalkIn]: 10,
  [Channel.Letter]: 2,
  [Channel.Referral]: 4,
});

const KIND_REMOTE = Weighted.of<CaseKind>({
  [CaseKind.Consultation]: 74,
  [CaseKind.Complaint]: 8.5,
  [CaseKind.LabourDispute]: 16,
  [CaseKind.HardshipAid]: 1.5,
});
const KIND_BY_CHANNEL: Partial<Record<Channel, Weighted<CaseKind>>> = {
  [Channel.WalkIn]: Weighted.of<CaseKind>({ consultation: 35, complaint: 12, labour_dispute: 48, hardship_aid: 5 }),
  [Channel.Referral]: Weighted.of<CaseKind>({ consultation: 5, complaint: 15, labour_dispute: 72, hardship_aid: 8 }),
};

type CategoryWeights = Partial<Record<CaseCategory, number>>;
const CATEGORY_BY_KIND: Record<CaseKind, CategoryWeights> = {
  [CaseKind.Consultation]: {
    labour_contract: 22,
    social_insurance: 20,
    wage_arrears: 18,
    dismissal: 10,
    working_hours: 8,
    work_injury: 8,
    platform_work: 5,
    occupational_safety: 2,
    discrimination: 2,
    other: 5,
  },
  [CaseKind.Complaint]: {
    wage_arrears: 30,
    working_hours: 15,
    social_insurance: 15,
    labour_contract: 10,
    occupational_safety: 8,
    discrimination: 5,
    platform_work: 7,
    dismissal: 5,
    other: 5,
  },
  [CaseKind.LabourDispute]: {
    wage_arrears: 45,
    dismissal: 15,
    labour_contract: 12,
    social_insurance: 8,
    work_injury: 10,
    working_hours: 4,
    platform_work: 4,
    other: 2,
  },
  [CaseKind.HardshipAid]: { work_injury: 40, wage_arrears: 25, other: 25, social_insurance: 10 },
};

const entriesOf = (weights: CategoryWeights): [CaseCategory, number][] =>
  Object.values(CaseCategory).flatMap((c) =>
    weights[c] === undefined ? [] : [[c, weights[c]] as [CaseCategory, number]],
  );
const CATEGORY_ENTRIES: Record<CaseKind, [CaseCategory, number][]> = {
  [CaseKind.Consultation]: entriesOf(CATEGORY_BY_KIND[CaseKind.Consultation]),
  [CaseKind.Complaint]: entriesOf(CATEGORY_BY_KIND[CaseKind.Complaint]),
  [CaseKind.LabourDispute]: entriesOf(CATEGORY_BY_KIND[CaseKind.LabourDispute]),
  [CaseKind.HardshipAid]: entriesOf(CATEGORY_BY_KIND[CaseKind.HardshipAid]),
};

function drawCategory(rng: Rng, kind: CaseKind, wageFactor: number, platformFactor: number): CaseCategory {
  const entries = CATEGORY_ENTRIES[kind];
  const adjusted = (c: CaseCategory, w: number) =>
    c === CaseCategory.WageArrears ? w * wageFactor : c === CaseCategory.PlatformWork ? w * platformFactor : w;
  let x = rng.float() * entries.reduce((sum, [c, w]) => sum + adjusted(c, w), 0);
  for (const [c, w] of entries) {
    x -= adjusted(c, w);
    if (x < 0) return c;
  }
  return entries[entries.length - 1]?.[0] ?? CaseCategory.Other;
}

/** Claim lines by category: the main one, then extras with their probability. */
const CLAIMS: Record<CaseCategory, [ClaimType, ...[ClaimType, number][]]> = {
  [CaseCategory.WageArrears]: [ClaimType.UnpaidWages, [ClaimType.Overtime, 0.2], [ClaimType.Compensation, 0.1]],
  [CaseCategory.LabourContract]: [ClaimType.DoubleWages, [ClaimType.Severance, 0.3]],
  [CaseCategory.SocialInsurance]: [ClaimType.SocialInsurance],
  [CaseCategory.WorkInjury]: [ClaimType.WorkInjury, [ClaimType.Compensation, 0.3]],
  [CaseCategory.WorkingHours]: [ClaimType.Overtime],
  [CaseCategory.Dismissal]: [ClaimType.Severance, [ClaimType.UnpaidWages, 0.3], [ClaimType.Compensation, 0.2]],
  [CaseCategory.PlatformWork]: [ClaimType.UnpaidWages, [ClaimType.Compensation, 0.3]],
  [CaseCategory.Discrimination]: [ClaimType.Compensation],
  [CaseCategory.OccupationalSafety]: [ClaimType.Compensation],
  [CaseCategory.Other]: [ClaimType.Other],
};

/** One worker's amount for a claim line, in yuan (monthly wages around 4,500 yuan). */
function perWorkerYuan(rng: Rng, type: ClaimType, wage: number): number {
  switch (type) {
    case ClaimType.UnpaidWages:
      return wage * Math.min(12, Math.max(1, Math.round(rng.logNormal(2, 0.6))));
    case ClaimType.Overtime:
      return rng.logNormal(6000, 0.7);
    case ClaimType.Severance:
      return wage * Math.min(15, Math.max(1, Math.round(rng.logNormal(3, 0.7))));
    case ClaimType.DoubleWages:
      return wage * rng.int(1, 11);
    case ClaimType.SocialInsurance:
      return rng.logNormal(12000, 0.8);
    case ClaimType.WorkInjury:
      return rng.logNormal(40000, 0.9);
    case ClaimType.Compensation:
      return rng.logNormal(8000, 0.8);
    case ClaimType.Other:
      return rng.logNormal(5000, 0.8);
  }
}

/** Whole yuan mostly; sometimes down to the fen. */
export function toFen(rng: Rng, yuan: number): number {
  const fen = Math.max(100, Math.round(yuan * 100));
  return rng.chance(0.3) ? fen : Math.round(fen / 100) * 100;
}

export class ProfileDrawer {
  private readonly districts: Weighted<number>;
  private readonly streets: Weighted<number>[];

  constructor(
    seed: number,
    private readonly tree: TreeRef,
  ) {
    this.districts = new Weighted(
      tree.districts.map((d, i) => [i, DISTRICT_LOAD[d.code] ?? 1 + d.streets.length / 10] as const),
    );
    this.streets = tree.districts.map((d, i) => {
      const rng = new Rng(seed, Stream.Unit, i);
      return new Weighted(d.streets.map((_, j) => [j, rng.logNormal(1, 0.5)] as const));
    });
  }

  draw(rng: Rng, receivedAt: number): CaseProfile {
    const day = shanghaiDayNumber(receivedAt);
    const channel = CHANNELS.draw(rng);
    const kind = (KIND_BY_CHANNEL[channel] ?? KIND_REMOTE).draw(rng);
    const surge = festivalSurge(day);
    const years = (receivedAt - Date.parse('2020-01-01T00:00:00+08:00')) / (365.25 * DAY_MS);
    // Wage arrears surge before Spring Festival; new forms of employment (riders, drivers) grow year by year.
    const category = drawCategory(rng, kind, 1 + 1.5 * surge, Math.max(0.3, 1 + 0.25 * years));
    const workersAffected = this.workers(rng, kind, category);
    const districtIndex = this.districts.draw(rng);
    const district = this.tree.districts[districtIndex] ?? this.tree.districts[0];
    if (!district) throw new Error('the org tree has no districts');
    const remote = channel !== Channel.WalkIn && channel !== Channel.Referral;
    const street = district.streets[this.streets[districtIndex]?.draw(rng) ?? 0];
    const handlingUnit = street && rng.chance(0.88) ? street : district;
    let requested = CasePriority.Normal;
    const p = rng.float();
    if (kind !== CaseKind.Consultation && p < 0.02) requested = CasePriority.Critical;
    else if (p < (kind === CaseKind.Consultation ? 0.03 : 0.1)) requested = CasePriority.Urgent;
    if (workersAffected >= 50 && rng.chance(0.5)) requested = CasePriority.Critical;
    const claims = this.claims(rng, kind, category, workersAffected);
    const disputed = (kind === CaseKind.LabourDispute || kind === CaseKind.Complaint) && rng.chance(0.85);
    const arisenDaysAgo = Math.min(330, Math.max(1, Math.round(rng.logNormal(35, 0.9))));
    return {
      channel,
      kind,
      category,
      priority: effectivePriority(requested, workersAffected),
      workersAffected,
      district,
      intakeUnit: remote ? this.tree.city : district,
      handlingUnit,
      claims,
      disputeArisenOn: disputed ? dayString(day - arisenDaysAgo) : null,
    };
  }

  private workers(rng: Rng, kind: CaseKind, category: CaseCategory): number {
    if (kind === CaseKind.Consultation || kind === CaseKind.HardshipAid) return 1;
    const collective =
      (kind === CaseKind.LabourDispute ? 0.035 : 0.015) * (category === CaseCategory.WageArrears ? 1.8 : 1);
    const r = rng.float();
    if (r < collective) return Math.min(800, COLLECTIVE_THRESHOLD + Math.floor(rng.logNormal(8, 0.9)));
    if (r < collective + (kind === CaseKind.LabourDispute ? 0.15 : 0.09)) return rng.int(2, 9);
    return 1;
  }

  private claims(rng: Rng, kind: CaseKind, category: CaseCategory, workers: number): CaseProfile['claims'] {
    const moneyCategory = category === CaseCategory.WageArrears || category === CaseCategory.PlatformWork;
    const p = {
      [CaseKind.Consultation]: 0,
      [CaseKind.Complaint]: moneyCategory ? 0.8 : 0.35,
      [CaseKind.LabourDispute]: 0.95,
      [CaseKind.HardshipAid]: 0.1,
    }[kind];
    if (!rng.chance(p)) return [];
    const [main, ...extras] = CLAIMS[category];
    const types = [main, ...extras.filter(([, chance]) => rng.chance(chance)).map(([type]) => type)];
    const wage = Math.min(40000, Math.max(2500, rng.logNormal(4500, 0.45)));
    // A collective claim is the workers' amounts added up (they differ from worker to worker, and the workers of
    // collective wage disputes are mostly low-paid).
    const scale = workers === 1 ? 1 : workers * rng.uniform(0.4, 0.8);
    return types.map((type) => ({ type, amountFen: toFen(rng, perWorkerYuan(rng, type, wage) * scale) }));
  }
}
