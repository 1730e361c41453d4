import type { Report } from '../../language/check';
import { conditionsOf } from '../conditions';
import { iamData } from '../data/iam-data';
import { retiredService } from '../data/retired-services';
import { analyzerDocs, iamCheck } from '../define';

/** A condition key whose prefix is no service, nor an identity provider's host. */
export const invalidService = iamCheck({
  id: 'INVALID_SERVICE',
  severity: 'error',
  title: 'A condition key\'s prefix names no service.',
  docs: analyzerDocs('error-invalid-service'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    const data = iamData();
    conditionsOf(policy).forEach((entry) => {
      const colon = entry.name.indexOf(':');
      if (entry.info || colon <= 0 || data.knowsKeyPrefix(entry.name) || retiredService(entry.name.slice(0, colon))) return;
      const prefix = entry.name.slice(0, colon);
      out.push({ range: policy.rangeInString(entry.key, 0, prefix.length), message: `"${prefix}" is not a service prefix, so "${entry.name}" is never in a request.` });
    });
    return out;
  },
});
