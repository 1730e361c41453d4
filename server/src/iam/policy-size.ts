import type { RegionCheck } from '../language/check';
import type { Severity } from '../language/finding';
import { analyzerDocs, iamCheck } from './define';
import type { Policy } from './policy';
import type { PolicyType } from './policy-type';

/** Characters IAM counts toward its quotas: everything but whitespace outside strings. */
function countedCharacters(policy: Policy): number {
  const text = policy.text.slice(policy.root.offset, policy.root.offset + policy.root.length);
  // Strings are skipped whole (the regular expression engine does it fast); only whitespace between tokens is uncounted.
  const tokens = /"(?:[^"\\]|\\.)*"|\s+/g;
  let whitespace = 0;
  for (let m = tokens.exec(text); m; m = tokens.exec(text)) if (m[0].charCodeAt(0) !== 34) whitespace += m[0].length;
  return text.length - whitespace;
}

/** A quota check for the policy types it applies to, pointing at the Statement key. */
export function policySizeCheck(id: string, anchor: string, severity: Severity, types: readonly PolicyType[], limit: number, what: string, note = ''): RegionCheck {
  return iamCheck({
    id,
    severity,
    title: `The policy is larger than the ${what} quota.`,
    docs: analyzerDocs(anchor),
    *run(policy) {
      // The raw text bounds the count: most policies are far below every quota.
      if (!types.includes(policy.type.type) || !policy.statementElement || policy.root.length <= limit) return;
      const size = countedCharacters(policy);
      if (size <= limit) return;
      yield { range: policy.range(policy.statementElement.key), message: `The policy has ${size.toLocaleString('en-US')} characters (whitespace excluded); the ${what} quota is ${limit.toLocaleString('en-US')}.${note}` };
    },
  });
}
