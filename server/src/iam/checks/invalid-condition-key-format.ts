import type { Report } from '../../language/check';
import { conditionsOf } from '../conditions';
import { analyzerDocs, iamCheck } from '../define';

export const invalidConditionKeyFormat = iamCheck({
  id: 'INVALID_CONDITION_KEY_FORMAT',
  severity: 'error',
  title: 'A condition key is not written as prefix:name.',
  docs: analyzerDocs('error-invalid-condition-key-format'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    conditionsOf(policy).forEach((entry) => {
      const colon = entry.name.indexOf(':');
      if (colon > 0 && colon < entry.name.length - 1) return;
      out.push({ range: policy.range(entry.key), message: `"${entry.name}" is not a condition key: write it as prefix:name, e.g. "aws:SourceIp" or "s3:prefix".` });
    });
    return out;
  },
});
