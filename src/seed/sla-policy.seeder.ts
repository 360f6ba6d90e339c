import { Injectable } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SlaPolicyRepository } from 'src/sla/sla-policy.repository';
import { policyRuleErrors } from 'src/sla/sla-policy.rules';
import { SlaPolicy } from 'src/sla/sla.types';

/** SLA policies from config/sla-policies.json; codes already present (maybe edited by an admin) are kept. */
@Injectable()
export class SlaPolicySeeder {
  constructor(private readonly policies: SlaPolicyRepository) {}

  async run(): Promise<string> {
    const file = [join(__dirname, '..', '..', 'config'), join(__dirname, '..', '..', '..', 'config')]
      .map((dir) => join(dir, 'sla-policies.json'))
      .find((path) => {
        try {
          readFileSync(path);
          return true;
        } catch {
          return false;
        }
      });
    if (file === undefined) throw new Error('config/sla-policies.json not found');
    const { policies } = JSON.parse(readFileSync(file, 'utf8')) as { policies: Omit<SlaPolicy, 'version'>[] };
    for (const policy of policies) {
      const errors = policyRuleErrors(policy.timers);
      if (errors.length > 0) {
        throw new Error(
          `sla-policies.json, policy ${policy.code}: ${errors.map((e) => `${e.field} ${e.reasons.join('; ')}`).join(', ')}`,
        );
      }
    }
    const created = await this.policies.insertMissing(
      policies.map((policy, position) => ({ code: policy.code, position, match: policy.match, timers: policy.timers })),
    );
    return `${created} created, ${policies.length} in config`;
  }
}
