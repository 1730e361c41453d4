import type { Report } from '../../language/check';
import { actionStringsOf } from '../actions';
import { retiredService } from '../data/retired-services';
import { guideDocs, iamCheck } from '../define';

/** A retired service's actions are harmless but grant nothing: worth removing, not an error. */
export const retiredServiceCheck = iamCheck({
  id: 'iam.retired-service',
  severity: 'warning',
  title: 'An action names a service AWS has retired.',
  docs: guideDocs('reference_policies_actions-resources-contextkeys.html'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    actionStringsOf(policy).forEach((action) => {
      const name = retiredService(action.service);
      if (!name) return;
      out.push({ range: policy.rangeInString(action.node, 0, action.service.length), message: `${name} ("${action.service}") is no longer in the service authorization reference: the service was retired, so this action grants nothing.` });
    });
    return out;
  },
});
