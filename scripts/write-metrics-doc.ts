import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withFiguresTable } from 'src/reports/metrics.doc';

const path = join(__dirname, '..', 'docs', 'metrics.md');
writeFileSync(path, withFiguresTable(readFileSync(path, 'utf8')));
process.stdout.write('updated the figures table in docs/metrics.md\n');
