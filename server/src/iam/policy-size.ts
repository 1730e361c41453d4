import type { RegionCheck } from '../language/check';
import type { Severity } from '../language/finding';
import { analyzerDocs, iamCheck } from './define';
import type { Policy } from './policy';
import type { PolicyType } from './policy-type';

/** Characters IAM counts toward its quotas: everything but whitespace outside strings. */
export function countedCharacters(policy: Policy): number {
  const text = policy.text.slice(policy.root.offset, policy.root.offset + policy.root.length);
  let count = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      count++;
      if (code === 92 /* \\ */) {
        count++;
        i++;
      } else if (code === 34 /* " */) inString = false;
    } else if (code !== 32 && code !== 10 && code !== 13 && code !== 9) {
      count++;
      if (code === 34) inString = true;
    }
  }
  return count;
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
