import type { Role } from 'src/auth/role';
import type { CaseStatus } from 'src/cases/case.enums';
import type { Label } from 'src/common/util/label';
import { allowedCommands, CaseCommand, commandPath } from 'src/workflow/workflow.definition';
import openapi from '../../docs/openapi.json';

export { CaseCommand } from 'src/workflow/workflow.definition';

/** The commands these roles may issue in this status: the service's own table, not a copy. */
export function commandsFor(status: string, roles: readonly string[]): CaseCommand[] {
  // The API's strings are the enums' values (the OpenAPI document is generated from the same enums).
  return allowedCommands(status as CaseStatus, roles as readonly Role[]);
}

/** How each command is called on its button and its dialog. */
export const COMMAND_LABELS: Record<CaseCommand, Label> = {
  [CaseCommand.Classify]: { zh: '分类', en: 'Classify' },
  [CaseCommand.Dispatch]: { zh: '派单', en: 'Dispatch' },
  [CaseCommand.Transfer]: { zh: '转办', en: 'Transfer' },
  [CaseCommand.Return]: { zh: '退回', en: 'Return' },
  [CaseCommand.Accept]: { zh: '受理', en: 'Accept' },
  [CaseCommand.Urge]: { zh: '督办', en: 'Urge' },
  [CaseCommand.Reassign]: { zh: '改派', en: 'Reassign' },
  [CaseCommand.RecordContact]: { zh: '记录联系', en: 'Record contact' },
  [CaseCommand.AnswerAtIntake]: { zh: '当场解答', en: 'Answer at intake' },
  [CaseCommand.ProposeClosure]: { zh: '申请办结', en: 'Propose closure' },
  [CaseCommand.Close]: { zh: '结案', en: 'Close' },
  [CaseCommand.Withdraw]: { zh: '撤回', en: 'Withdraw' },
  [CaseCommand.NotAccepted]: { zh: '不予受理', en: 'Not accepted' },
  [CaseCommand.Duplicate]: { zh: '重复案件', en: 'Duplicate' },
  [CaseCommand.RecordCallback]: { zh: '回访', en: 'Callback' },
  [CaseCommand.Reopen]: { zh: '重新办理', en: 'Reopen' },
  [CaseCommand.StartMediation]: { zh: '开始调解', en: 'Start mediation' },
  [CaseCommand.RecordSession]: { zh: '记录调解', en: 'Record session' },
  [CaseCommand.RecordAgreement]: { zh: '达成协议', en: 'Record agreement' },
  [CaseCommand.RecordNoAgreement]: { zh: '调解不成', en: 'No agreement' },
  [CaseCommand.ReferLegalAid]: { zh: '转法律援助', en: 'Refer to legal aid' },
  [CaseCommand.DecideEligibility]: { zh: '援助审查', en: 'Decide eligibility' },
  [CaseCommand.RecordStage]: { zh: '记录阶段', en: 'Record stage' },
  [CaseCommand.RecordPayment]: { zh: '记录回款', en: 'Record payment' },
  [CaseCommand.CorrectPayment]: { zh: '更正回款', en: 'Correct payment' },
};

/** The parts of a JSON schema (OpenAPI 3) the command forms read. */
export interface FieldSchema {
  type?: string;
  format?: string;
  enum?: string[];
  description?: string;
  example?: unknown;
  items?: FieldSchema;
  $ref?: string;
  allOf?: FieldSchema[];
  properties?: Record<string, FieldSchema>;
  required?: string[];
}

const schemas = (openapi as unknown as { components: { schemas: Record<string, FieldSchema> } }).components.schemas;
const paths = openapi.paths as unknown as Record<
  string,
  { post?: { requestBody?: { content: { 'application/json': { schema: FieldSchema } } } } }
>;

/** A schema with its `$ref` (or single `allOf`) followed. */
export function resolveSchema(schema: FieldSchema | undefined): FieldSchema {
  if (schema?.$ref !== undefined) return resolveSchema(schemas[schema.$ref.split('/').pop() ?? '']);
  if (schema?.allOf?.length === 1) return resolveSchema(schema.allOf[0]);
  return schema ?? {};
}

/** The request body of `POST /cases/{id}/<command>`, as the service's OpenAPI document declares it. */
export function commandSchema(command: CaseCommand): FieldSchema {
  const body = paths[`/cases/{id}/${commandPath(command)}`]?.post?.requestBody;
  return resolveSchema(body?.content['application/json'].schema);
}

export const commandUrl = (caseId: string, command: CaseCommand): string => `/cases/${caseId}/${commandPath(command)}`;
