import type { Report } from '../../language/check';
import { conditionsOf, valueText } from '../conditions';
import { analyzerDocs, iamCheck } from '../define';

/** String Equals operators compare `*` literally; the Like operators (and Arn operators) treat it as a wildcard. */
export const wildcardWithoutLikeOperator = iamCheck({
  id: 'WILDCARD_WITHOUT_LIKE_OPERATOR',
  severity: 'warning',
  title: 'A condition value has a wildcard, but its operator compares literally.',
  docs: analyzerDocs('general-warning-wildcard-without-like-operator'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    conditionsOf(policy).forEach((entry) => {
      const base = entry.parsed?.base ?? '';
      if (!/^String(Not)?Equals(IgnoreCase)?$/.test(base)) return;
      for (const value of entry.values) {
        const text = valueText(value) ?? '';
        if (!/[*?]/.test(text.replace(/\$\{[^}]*\}/g, ''))) continue;
        const like = base.replace(/Equals(IgnoreCase)?$/, 'Like');
        out.push({ range: policy.range(value), message: `${base} compares "${text}" literally, "*" included: use ${like} for a wildcard match.` });
      }
    });
    return out;
  },
});
