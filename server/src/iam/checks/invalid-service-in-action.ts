import type { Report } from '../../language/check';
import { iamData } from '../data/iam-data';
import { retiredService } from '../data/retired-services';
import { actionStringsOf } from '../actions';
import { closest } from '../suggest';
import { hasWildcard } from '../wildcard';
import { analyzerDocs, iamCheck } from '../define';

/** The part before the colon must be a service prefix of the service authorization reference. */
export const invalidServiceInAction = iamCheck({
  id: 'INVALID_SERVICE_IN_ACTION',
  severity: 'error',
  title: 'An action names a service prefix that does not exist.',
  docs: analyzerDocs('error-invalid-service-in-action'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    const data = iamData();
    actionStringsOf(policy).forEach((action) => {
      if (hasWildcard(action.service) || data.service(action.service) || retiredService(action.service)) return;
      const suggestion = closest(action.service, data.services().map((s) => s.prefix));
      const range = policy.rangeInString(action.node, 0, action.service.length);
      out.push({
        range,
        message: `"${action.service}" is not an AWS service prefix.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
        ...(suggestion ? { fixes: [{ title: `Change to "${suggestion}:${action.name}"`, edits: [{ ...policy.range(action.node), newText: policy.literal(`${suggestion}:${action.name}`) }], preferred: true }] } : {}),
      });
    });
    return out;
  },
});
