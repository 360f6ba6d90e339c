import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Writes config/holiday-calendar.json from the chinese-days package (which transcribes the State Council's annual
 * holiday notices). Run when a new year's notice is published and the package has it; review the diff.
 */
interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

// The package ships its data as JSON; read it directly so the calendar is data we commit, not a runtime dependency.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const data = require('chinese-days/dist/chinese-days.json') as ChineseDaysData;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const version = (require('chinese-days/package.json') as { version: string }).version;

const nameOf = (value: string) => value.split(',')[1] ?? value;
const days = [
  ...Object.entries(data.holidays).map(([date, value]) => ({ date, kind: 'holiday', name: nameOf(value) })),
  ...Object.entries(data.workdays).map(([date, value]) => ({ date, kind: 'workday', name: `${nameOf(value)}调休` })),
].sort((a, b) => (a.date < b.date ? -1 : 1));
const years = [...new Set(days.map((d) => d.date.slice(0, 4)))];

writeFileSync(
  join(__dirname, '..', 'config', 'holiday-calendar.json'),
  `${JSON.stringify(
    {
      source: `State Council holiday notices (国务院办公厅关于节假日安排的通知), as transcribed by the npm package chinese-days ${version}`,
      years: `${years[0] ?? ''}–${years.at(-1) ?? ''}`,
      note: 'holiday = day off (incl. weekdays); workday = adjusted working day on a weekend (调休). Other days: Mon–Fri work.',
      days,
    },
    null,
    2,
  )}\n`,
);
process.stdout.write(`wrote ${days.length} days for ${years.length} years\n`);
