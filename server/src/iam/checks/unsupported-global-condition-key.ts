import type { Report } from '../../language/check';
import { conditionsOf } from '../conditions';
import { analyzerDocs, iamCheck } from '../define';

/** aws:ARN reads like a global key but AWS supports none by that name (Access Analyzer's one case of this code). */
export const unsupportedGlobalConditionKey = iamCheck({
  id: 'UNSUPPORTED_GLOBAL_CONDITION_KEY',
  severity: 'error',
  title: 'aws:ARN is not a supported condition key.',
  docs: analyzerDocs('error-unsupported-global-condition-key'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    conditionsOf(policy).forEach((entry) => {
      if (!entry.info && entry.lowerName === 'aws:arn') out.push({ range: policy.range(entry.key), message: `"${entry.name}" is not a supported condition key and is never in a request: use aws:PrincipalArn for the caller's ARN, or aws:SourceArn for the resource that makes a service-to-service request.` });
    });
    return out;
  },
});
