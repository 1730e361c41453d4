import type { RegionCheck, Report } from '../language/check';
import { conditionsOf, hasVariable, valueText } from './conditions';
import { analyzerDocs, iamCheck } from './define';
import { hasWildcard } from './wildcard';

/**
 * aws:SourceVpc and aws:SourceVpce hold resource ids: a prefix, then 8 or 17
 * alphanumeric characters (Access Analyzer's rule). A value of another shape
 * never matches. Patterns and variables are judged when the request comes.
 */
export function vpcIdFormatCheck(id: string, anchor: string, key: string, prefix: string): RegionCheck {
  const shape = new RegExp(`^${prefix}-([a-zA-Z0-9]{8}|[a-zA-Z0-9]{17})$`);
  return iamCheck({
    id,
    severity: 'error',
    title: `A value of ${key} is not a ${prefix}- identifier.`,
    docs: analyzerDocs(anchor),
    perStatement: true,
    run(policy): Report[] {
      const out: Report[] = [];
      const lowerKey = key.toLowerCase();
      conditionsOf(policy).forEach((entry) => {
        // Null takes "true"/"false"; other families are TYPE_MISMATCH's.
        if (entry.lowerName !== lowerKey || entry.parsed?.family !== 'String') return;
        for (const node of entry.values) {
          const text = valueText(node);
          if (text === undefined || hasWildcard(text) || hasVariable(text) || shape.test(text)) continue;
          out.push({ range: policy.range(node), message: `"${text}" is not an ${key} value, so it never matches: use "${prefix}-" followed by 8 or 17 letters and digits, e.g. "${prefix}-1a2b3c4d".` });
        }
      });
      return out;
    },
  });
}
