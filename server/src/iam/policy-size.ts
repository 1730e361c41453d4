import type { Report } from '../language/check';
import type { RegionCheck } from '../language/check';
import type { Severity } from '../language/finding';
import { analyzerDocs, iamCheck } from './define';
import type { Policy } from './policy';
import type { PolicyType } from './policy-type';

/** Characters IAM counts toward its quotas: everything but whitespace outside strings. A scan of char codes: no allocation. */
function countedCharacters(policy: Policy): number {
  const { text } = policy;
  const end = policy.root.offset + policy.root.length;
  let whitespace = 0;
  let inString = false;
  for (let i = policy.root.offset; i < end; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // a backslash escapes the next character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 32 || c === 9 || c === 10 || c === 13) whitespace++;
  }
  return end - policy.root.offset - whitespace;
}

/** A quota check for the policy types it applies to, pointing at the Statement key. */
export function policySizeCheck(id: string, anchor: string, severity: Severity, types: readonly PolicyType[], limit: number, what: string, note = ''): RegionCheck {
  return iamCheck({
    id,
    severity,
    title: `The policy is larger than the ${what} quota.`,
    docs: analyzerDocs(anchor),
    run(policy): Report[] {
      const out: Report[] = [];
      // The raw text bounds the count: most policies are far below every quota.
      if (!types.includes(policy.type.type) || !policy.statementElement || policy.root.length <= limit) return out;
      const size = countedCharacters(policy);
      if (size <= limit) return out;
      out.push({ range: policy.range(policy.statementElement.key), message: `The policy has ${size.toLocaleString('en-US')} characters (whitespace excluded); the ${what} quota is ${limit.toLocaleString('en-US')}.${note}` });
      return out;
    },
  });
}
