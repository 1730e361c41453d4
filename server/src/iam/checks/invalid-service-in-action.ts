import type { Report } from '../../language/check';
import { iamData } from '../data/iam-data';
import { retiredService } from '../data/retired-services';
import { actionStringsOf } from '../actions';
import { closest } from '../suggest';
import { hasWildcard } from '../wildcard';
import { analyzerDocs, iamCheck } from '../define';

/**
 * The part before the colon must be a service prefix of the service
 * authorization reference. A retired service's prefix is no typo, so it gets
 * its own explanation, but it is the same error: the action grants nothing.
 */
export const invalidServiceInAction = iamCheck({
  id: 'INVALID_SERVICE_IN_ACTION',
  severity: 'error',
  title: 'An action names a service prefix that does not exist, or a retired service.',
  docs: analyzerDocs('error-invalid-service-in-action'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    const data = iamData();
    actionStringsOf(policy).forEach((action) => {
      if (hasWildcard(action.service) || data.service(action.service)) return;
      const range = policy.rangeInString(action.node, 0, action.service.length);
      const retired = retiredService(action.service);
      if (retired) {
        out.push({ range, message: `${retired} ("${action.service}") is no longer in the service authorization reference: the service was retired, so this action grants nothing.` });
        return;
      }
      const suggestion = closest(action.service, data.services().map((s) => s.prefix));
      out.push({
        range,
        message: `"${action.service}" is not an AWS service prefix.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
        ...(suggestion ? { fixes: [{ title: `Change to "${suggestion}:${action.name}"`, edits: [{ ...policy.range(action.node), newText: policy.literal(`${suggestion}:${action.name}`) }], preferred: true }] } : {}),
      });
    });
    return out;
  },
});
