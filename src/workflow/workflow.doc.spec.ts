import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderWorkflowDoc } from 'src/workflow/workflow.doc';
import { allowedCommands, CaseCommand, WORKFLOW } from 'src/workflow/workflow.definition';
import { Role } from 'src/auth/role';
import { CaseStatus } from 'src/cases/case.enums';

describe('the workflow definition', () => {
  it('docs/workflow.md is generated from it (run `npm run docs:workflow` after changing it)', () => {
    const committed = readFileSync(join(__dirname, '..', '..', 'docs', 'workflow.md'), 'utf8');
    expect(committed).toBe(renderWorkflowDoc());
  });

  it('only closes from open statuses and reopens only from closed', () => {
    for (const command of Object.values(CaseCommand)) {
      if (WORKFLOW[command].to === CaseStatus.Closed) expect(WORKFLOW[command].from).not.toContain(CaseStatus.Closed);
    }
    expect(WORKFLOW[CaseCommand.Reopen].from).toEqual([CaseStatus.Closed]);
  });

  it('lists the commands a role may issue now', () => {
    expect(allowedCommands(CaseStatus.Dispatched, [Role.Mediator]).sort()).toEqual([
      'accept',
      'record_contact',
      'return',
    ]);
    expect(allowedCommands(CaseStatus.Closed, [Role.Leader])).toEqual([]);
  });
});
