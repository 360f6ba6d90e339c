import { CaseCategory } from 'src/cases/case.enums';
import { creditCodeCheckChar, residentIdCheckChar } from 'src/common/validation/china-ids';
import { normalizeEmployerName } from 'src/employers/employer-name';
import { EmploymentForm } from 'src/parties/party.entity';
import { EmployerRow, PlainParty, TreeRef } from 'src/seed/history/history.types';
import {
  address,
  brandName,
  Industry,
  INDUSTRIES,
  INDUSTRY_BY_CATEGORY,
  INDUSTRY_SHARE,
  personName,
} from 'src/seed/history/names';
import { Rng, Stream, Weighted } from 'src/seed/history/rng';

/** Employers named in cases: a few thousand at scale, some of them hotspots with many cases. */
export function employerCount(cases: number): number {
  return Math.min(9000, Math.max(60, Math.round(cases / 120)));
}

/** Workers with a party record: a pool reused by repeat callers. */
export function partyCount(cases: number): number {
  return Math.min(120_000, Math.max(40, Math.round(cases * 0.12)));
}

const USCC_BODY = '0123456789ABCDEFGHJKLMNPQRTUWXY';

function creditCode(rng: Rng, regionCode: string): string {
  let body = '';
  for (let i = 0; i < 9; i++)
    body += rng.chance(0.8) ? String(rng.int(0, 9)) : USCC_BODY.charAt(rng.int(0, USCC_BODY.length - 1));
  const first17 = `91${regionCode}${body}`;
  return first17 + creditCodeCheckChar(first17);
}

export interface EmployerPool {
  rows: EmployerRow[];
  /** Draws an employer for a case of this category (industry first, then popularity within it). */
  draw(rng: Rng, category: CaseCategory): EmployerRow;
}

export function generateEmployers(seed: number, count: number, tree: TreeRef, createdAt: number): EmployerPool {
  const rows: EmployerRow[] = [];
  const byIndustry = new Map<Industry, [number, number][]>();
  const names = new Set<string>();
  const codes = new Set<string>();
  const industries = Weighted.of(INDUSTRY_SHARE);
  for (let j = 0; j < count; j++) {
    const rng = new Rng(seed, Stream.Employer, j);
    const industry = industries.draw(rng);
    const spec = INDUSTRIES[industry];
    let name = '';
    for (let attempt = 0; name === '' || names.has(normalizeEmployerName(name)); attempt++) {
      const prefix = rng.chance(0.8) ? '北京' : '';
      const brand = attempt < 5 ? brandName(rng) : brandName(rng) + brandName(rng);
      name = prefix + brand + rng.pick(spec.suffixes);
    }
    names.add(normalizeEmployerName(name));
    const district = rng.pick(tree.districts);
    let code: string | null = null;
    if (rng.chance(0.65)) {
      do code = creditCode(rng, /^\d{6}$/.test(district.code) ? district.code : '110105');
      while (codes.has(code));
      codes.add(code);
    }
    rows.push({
      id: rng.uuid(),
      name,
      normalizedName: normalizeEmployerName(name),
      creditCode: code,
      industry: spec.label,
      address: address(rng, district.nameZh),
      districtId: district.id,
      createdAt,
    });
    // Popularity: log-normal, and one in a hundred employers is a hotspot (many cases, collective disputes).
    const weight = Math.exp(0.9 * rng.normal()) * (rng.chance(0.01) ? 30 : 1);
    const list = byIndustry.get(industry) ?? [];
    list.push([j, weight]);
    byIndustry.set(industry, list);
  }
  const within = new Map([...byIndustry].map(([industry, list]) => [industry, new Weighted(list)]));
  const present = (Object.keys(INDUSTRY_SHARE) as Industry[]).filter((i) => within.has(i));
  const byCategory = new Map<CaseCategory, Weighted<Industry>>();
  for (const category of Object.values(CaseCategory)) {
    const tilt = INDUSTRY_BY_CATEGORY[category] ?? {};
    byCategory.set(category, new Weighted(present.map((i) => [i, INDUSTRY_SHARE[i] * (tilt[i] ?? 1)] as const)));
  }
  return {
    rows,
    draw(rng, category) {
      const industry = byCategory.get(category)?.draw(rng) ?? present[0];
      const index = industry === undefined ? 0 : (within.get(industry)?.draw(rng) ?? 0);
      const row = rows[index];
      if (!row) throw new Error('empty employer pool');
      return row;
    },
  };
}

const MOBILE_PREFIXES = [
  ...['130', '131', '132', '133', '134', '135', '136', '137', '138', '139', '150', '151', '152', '153'],
  ...['155', '156', '157', '158', '159', '166', '176', '177', '178', '180', '181', '182', '183', '185'],
  ...['186', '187', '188', '189', '191', '198', '199'],
];
/** Beijing districts, and the provinces most migrant workers in Beijing come from. */
const ID_REGIONS = ['110101', '110105', '110106', '110108', '110114', '110115', '130102', '410102', '341202', '510104'];
const EMPLOYMENT = Weighted.of<EmploymentForm>({
  [EmploymentForm.Standard]: 52,
  [EmploymentForm.Dispatched]: 10,
  [EmploymentForm.PartTime]: 8,
  [EmploymentForm.Platform]: 16,
  [EmploymentForm.Migrant]: 14,
});

/**
 * The pool of workers. Party j "first called" at a time proportional to j, so a case picks a party that
 * existed by then. Phone numbers are unique in the pool (the blind index is a lookup key).
 */
export function generateParties(
  seed: number,
  count: number,
  context: { cityId: string; operators: readonly string[]; from: number; to: number },
): PlainParty[] {
  const phones = new Set<string>();
  const parties: PlainParty[] = [];
  for (let j = 0; j < count; j++) {
    const rng = new Rng(seed, Stream.Party, j);
    let phone: string;
    do phone = rng.pick(MOBILE_PREFIXES) + String(rng.int(0, 99_999_999)).padStart(8, '0');
    while (phones.has(phone));
    phones.add(phone);
    let idNumber: string | null = null;
    if (rng.chance(0.35)) {
      const birth = `${rng.int(1965, 2004)}${String(rng.int(1, 12)).padStart(2, '0')}${String(rng.int(1, 28)).padStart(2, '0')}`;
      const first17 = `${rng.pick(ID_REGIONS)}${birth}${String(rng.int(0, 999)).padStart(3, '0')}`;
      idNumber = first17 + residentIdCheckChar(first17);
    }
    parties.push({
      id: rng.uuid(),
      orgUnitId: context.cityId,
      name: personName(rng),
      phone,
      idNumber,
      employmentForm: EMPLOYMENT.draw(rng),
      unionMember: rng.chance(0.35),
      createdBy: rng.pick(context.operators),
      createdAt: Math.floor(context.from + ((context.to - context.from) * j) / count),
    });
  }
  return parties;
}
