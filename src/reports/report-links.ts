import { FigureKey, FIGURES, PeriodBasis } from 'src/reports/report-figures';
import { addDays, DateRange } from 'src/reports/report-period';

/** The dimension filters a case list link repeats from the report. */
export interface LinkFilter {
  unitId?: string;
  kind?: string;
  category?: string;
  channel?: string;
  outcome?: string;
  open?: boolean;
  ownUnitOnly?: boolean;
}

/** The instant a Shanghai day starts, written with its offset (as the case list's range filters take it). */
const dayStartParam = (day: string): string => `${day}T00:00:00+08:00`;

/** `GET /cases` with the same filters as a figure: the cases behind it (period as a half-open instant range). */
export function casesUrl(
  filter: LinkFilter,
  range: DateRange | null,
  basis: PeriodBasis,
  extra: Record<string, string> = {},
): string {
  const params = new URLSearchParams();
  if (filter.unitId) params.set('orgUnitId', filter.unitId);
  if (filter.kind) params.set('kind', filter.kind);
  if (filter.category) params.set('category', filter.category);
  if (filter.channel) params.set('channel', filter.channel);
  if (filter.outcome) params.set('outcome', filter.outcome);
  if (filter.open !== undefined) params.set('open', String(filter.open));
  if (filter.ownUnitOnly === true) params.set('ownUnitOnly', 'true');
  if (range) {
    params.set(`${basis}From`, dayStartParam(range.from));
    params.set(`${basis}To`, dayStartParam(addDays(range.to, 1)));
  }
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return `/cases?${params.toString()}`;
}

/** The case list behind every figure, for one set of filters and one period (a summary, a row, a bucket). */
export function figureUrls(filter: LinkFilter, range: DateRange): Record<FigureKey, string> {
  return Object.fromEntries(FIGURES.map((f) => [f.key, casesUrl(filter, range, f.basis, f.listFilter)])) as Record<
    FigureKey,
    string
  >;
}
