import type { Report } from '../../language/check';
import { iamData } from '../data/iam-data';
import { actionStringsOf } from '../actions';
import { closest } from '../suggest';
import { hasWildcard } from '../wildcard';
import { analyzerDocs, iamCheck } from '../define';

/** An action the service does not have, or a wildcard that matches none of its actions. */
export const invalidAction = iamCheck({
  id: 'INVALID_ACTION',
  severity: 'error',
  title: 'An action does not exist in its service (or a wildcard matches no action).',
  docs: analyzerDocs('error-invalid-action'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    const data = iamData();
    // Strings with no colon name no service: the statement model set them aside when it read the statement.
    policy.statements.forEach((statement) => {
      for (const node of statement.bareActions) {
        out.push({ range: policy.range(node), message: `"${String(node.value)}" is not an action: write it as service:action, e.g. "s3:GetObject", or "*".` });
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

