import { FIGURES } from 'src/reports/report-figures';

export const FIGURES_START =
  '<!-- figures:start (generated from src/reports/report-figures.ts by `npm run docs:metrics`) -->';
export const FIGURES_END = '<!-- figures:end -->';

const BASIS: Record<string, string> = {
  received: 'received time',
  closed: 'closure time (latest closure)',
  callback: 'callback time',
  paid: 'payment date (paid on)',
  firstPaid: 'date of the first payment',
  breached: 'breach time',
};

/** The figures table of docs/metrics.md, from the one definition the API and the dashboard use. */
export function renderFiguresTable(): string {
  const rows = FIGURES.map(
    (f) =>
      `| ${f.zh} ${f.en} | \`${f.key}\` | ${f.kind} | ${BASIS[f.basis] ?? f.basis} | ${f.definition} | ${f.definitionZh} |`,
  );
  return [
    FIGURES_START,
    '| figure | API key | cohort / flow | date that decides the period (Asia/Shanghai) | definition | 统计口径 |',
    '|---|---|---|---|---|---|',
    ...rows,
    FIGURES_END,
  ].join('\n');
}

/** Replaces the generated region of the document, leaving the hand-written text around it. */
export function withFiguresTable(document: string): string {
  const start = document.indexOf(FIGURES_START);
  const end = document.indexOf(FIGURES_END);
  if (start < 0 || end < start) throw new Error('docs/metrics.md has lost its figures markers');
  return document.slice(0, start) + renderFiguresTable() + document.slice(end + FIGURES_END.length);
}
