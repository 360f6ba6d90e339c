import { CaseStatus } from 'src/cases/case.enums';
import { CaseCommand, commandPath, WORKFLOW } from 'src/workflow/workflow.definition';

/** docs/workflow.md, rendered from WORKFLOW so the document cannot drift from the code. */
export function renderWorkflowDoc(): string {
  const commands = Object.values(CaseCommand);
  const openCount = Object.values(CaseStatus).length - 1;
  const edges = new Set<string>();
  for (const command of commands) {
    const rule = WORKFLOW[command];
    // Commands valid from every open status are drawn once, from a pseudo-state, to keep the diagram legible.
    const sources = rule.from.length >= openCount ? ['any_open_status'] : rule.from;
    for (const from of sources) {
      const to = rule.to ?? from;
      if (to !== from || rule.from.length <= 2) edges.add(`  ${from} --> ${to}: ${command}`);
    }
  }
  const rows = commands.map((command) => {
    const rule = WORKFLOW[command];
    return `| \`POST /cases/:id/${commandPath(command)}\` | ${rule.from.join(', ')} | ${rule.to ?? '(unchanged)'} | ${rule.roles.join(', ')} | ${rule.required.join(', ') || '—'} | ${rule.summary} |`;
  });
  return [
    '# Case workflow',
    '',
    '<!-- Generated from src/workflow/workflow.definition.ts by `npm run docs:workflow`; a test fails when it is stale. -->',
    '',
    'Every command carries the case version (`version` or `If-Match`) and runs in one transaction: scope (404),',
    'role (403), current status (409 `ILLEGAL_TRANSITION` with `status` and `allowedCommands`), the command’s own',
    'rules, the conditional update (409 `CASE_VERSION_CONFLICT`), a timeline event and an audit entry.',
    '',
    '```mermaid',
    'stateDiagram-v2',
    `  [*] --> ${CaseStatus.Received}: intake`,
    ...[...edges].sort(),
    '```',
    '',
    '`any_open_status` stands for every status but closed. Commands that keep the status (urge, reassign, record',
    'contact) appear only in the table.',
    '',
    '| command | from | to | roles | required | what it does |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
    'Further rules: an assignee must be a mediator or legal-aid user of the receiving union; a return sends the case',
    'back to the unit that dispatched it; the first contact with the worker is stamped (the first-contact SLA stops',
    'there); the callback must be made by someone other than the handler; reopening needs a `dissatisfied` callback',
    'within 30 days of closure.',
    '',
  ].join('\n');
}
