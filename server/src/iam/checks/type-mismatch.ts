import type { Report } from '../../language/check';
import { conditionsOf } from '../conditions';
import { familiesForType } from '../operators';
import { analyzerDocs, iamCheck } from '../define';

/** A numeric operator on a string key (and the like) compares values that can never be read that way. */
export const typeMismatch = iamCheck({
  id: 'TYPE_MISMATCH',
  severity: 'warning',
  title: 'A condition operator does not fit the type of its condition key.',
  docs: analyzerDocs('general-warning-type-mismatch'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    conditionsOf(policy).forEach((entry) => {
      if (!entry.parsed || !entry.info || entry.info.scope === 'provider') return;
      const families = familiesForType(entry.info.type);
      if (families.includes(entry.parsed.family)) return;
      const suggested = families.filter((f) => f !== 'Null');
      out.push({ range: policy.range(entry.operatorKey), message: `${entry.parsed.base} does not fit ${entry.info.key} (type ${entry.info.type}): use ${suggested.map((f) => `${f} operators`).join(' or ')}.` });
    });
    return out;
  },
});
