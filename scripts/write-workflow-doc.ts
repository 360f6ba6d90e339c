import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderWorkflowDoc } from 'src/workflow/workflow.doc';

writeFileSync(join(__dirname, '..', 'docs', 'workflow.md'), renderWorkflowDoc());
process.stdout.write('wrote docs/workflow.md\n');
