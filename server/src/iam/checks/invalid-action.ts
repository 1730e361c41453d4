import type { Node } from 'jsonc-parser';
import type { Report } from '../../language/check';
import type { Policy } from '../policy';
import { iamData } from '../data/iam-data';
import { actionStringsOf } from '../actions';
import { closest } from '../suggest';
import { hasWildcard } from '../wildcard';
import { analyzerDocs, iamCheck } from '../define';
import { holdsIntrinsic } from '../values';

/** An action the service does not have, or a wildcard that matches none of its actions. */
export const invalidAction = iamCheck({
  id: 'INVALID_ACTION',
  severity: 'error',
  title: 'An action does not exist in its service (or a wildcard matches no action).',
  docs: analyzerDocs('error-invalid-action'),
  run(policy): Report[] {
    const out: Report[] = [];
    const data = iamData();
    policy.statements.forEach((statement) => {
      for (const element of ['Action', 'NotAction'] as const) {
        const value = statement.elements[element]?.value;
        if (!value || holdsIntrinsic(value)) continue;
        if (value.type === 'array') for (const node of value.children ?? []) reportBare(out, policy, node);
        else reportBare(out, policy, value);
      }
    });
    actionStringsOf(policy).forEach((action) => {
      const service = data.service(action.service);
      if (!service) return;
      if (hasWildcard(action.name)) {
        if (data.matchActions(action.value).length === 0) {
          out.push({ range: policy.range(action.node), message: `"${action.value}" matches no action of ${service.name}.` });
        }
        return;
      }
      if (data.action(service.prefix, action.name)) return;
      if (action.name === '') {
        out.push({ range: policy.range(action.node), message: `"${action.value}" names no action: add one after the colon, e.g. "${action.service}:${data.actions(service.prefix)[0]?.name ?? '*'}".` });
        return;
      }
      const suggestion = closest(action.name, data.actions(service.prefix).map((a) => a.name));
      const replacement = `${action.service}:${suggestion ?? ''}`;
      out.push({
        range: policy.range(action.node),
        message: `${service.name} has no action "${action.name}".${suggestion ? ` Did you mean "${replacement}"?` : ''}`,
        ...(suggestion ? { fixes: [{ title: `Change to "${replacement}"`, edits: [{ ...policy.range(action.node), newText: policy.literal(replacement) }], preferred: true }] } : {}),
      });
    });
    return out;
  },
});

/** A string with no colon (and not "*") names no service. */
function reportBare(out: Report[], policy: Policy, node: Node): void {
  const text = node.value;
  if (node.type !== 'string' || typeof text !== 'string' || text === '*' || text.includes(':')) return;
  out.push({ range: policy.range(node), message: `"${text}" is not an action: write it as service:action, e.g. "s3:GetObject", or "*".` });
}
