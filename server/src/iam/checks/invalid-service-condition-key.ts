import type { Report } from '../../language/check';
import { conditionsOf } from '../conditions';
import { iamData } from '../data/iam-data';
import { closest } from '../suggest';
import { analyzerDocs, iamCheck } from '../define';
import { lacksTagKey } from '../tag-keys';

/** A key whose prefix is a known service (or identity provider) but which that service does not define. */
export const invalidServiceConditionKey = iamCheck({
  id: 'INVALID_SERVICE_CONDITION_KEY',
  severity: 'error',
  title: 'A service condition key does not exist in its service.',
  docs: analyzerDocs('error-invalid-service-condition-key'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    const data = iamData();
    conditionsOf(policy).forEach((entry) => {
      if (entry.info || entry.lowerName.startsWith('aws:') || !data.knowsKeyPrefix(entry.name) || lacksTagKey(entry.name)) return;
      const prefix = entry.name.slice(0, entry.name.indexOf(':'));
      const service = data.service(prefix);
      const own = data.conditionKeys(prefix).filter((k) => k.scope === 'service' && k.key.toLowerCase().startsWith(`${prefix.toLowerCase()}:`));
      const suggestion = closest(entry.name, own.map((k) => k.key).filter((k) => !k.includes('${') && !k.includes('<')));
      const range = policy.range(entry.key);
      out.push({
        range,
        message: `${service ? service.name : `"${prefix}"`} has no condition key "${entry.name}".${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
        ...(suggestion ? { fixes: [{ title: `Change to "${suggestion}"`, edits: [{ ...range, newText: policy.literal(suggestion) }], preferred: true }] } : {}),
      });
    });
    return out;
  },
});
