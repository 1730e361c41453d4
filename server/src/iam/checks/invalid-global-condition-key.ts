import type { Report } from '../../language/check';
import { conditionsOf } from '../conditions';
import { iamData } from '../data/iam-data';
import { closest } from '../suggest';
import { analyzerDocs, iamCheck } from '../define';
import { lacksTagKey } from '../tag-keys';

export const invalidGlobalConditionKey = iamCheck({
  id: 'INVALID_GLOBAL_CONDITION_KEY',
  severity: 'error',
  title: 'An aws: condition key is not a global condition key.',
  docs: analyzerDocs('error-invalid-global-condition-key'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    const data = iamData();
    conditionsOf(policy).forEach((entry) => {
      // aws:ARN and a tag key without its tag have their own codes.
      if (entry.info || !entry.lowerName.startsWith('aws:') || entry.lowerName === 'aws:arn' || lacksTagKey(entry.name)) return;
      const candidates = data.conditionKeys().filter((k) => k.scope === 'global').map((k) => k.key.replace(/\/tag-key$/, '/'));
      const suggestion = closest(entry.name, candidates);
      const range = policy.range(entry.key);
      const replaceable = suggestion !== undefined && !suggestion.endsWith('/');
      out.push({
        range,
        message: `"${entry.name}" is not a global condition key.${suggestion ? ` Did you mean "${suggestion.endsWith('/') ? `${suggestion}<tag-key>` : suggestion}"?` : ''}`,
        ...(replaceable ? { fixes: [{ title: `Change to "${suggestion}"`, edits: [{ ...range, newText: policy.literal(suggestion) }], preferred: true }] } : {}),
      });
    });
    return out;
  },
});
