import { getNodeValue } from 'jsonc-parser';
import type { RegionCheck, Report } from '../language/check';
import type { Severity } from '../language/finding';
import { analyzerDocs, iamCheck } from './define';
import type { Policy } from './policy';
import type { PolicyType } from './policy-type';

/**
 * Characters IAM counts toward its quotas in a JSON text: everything but whitespace outside
 * strings. Strings are skipped with indexOf (native, and most of a policy is
 * strings); only the characters between them are looked at one by one.
 */
function countedCharacters(policy: Policy): number {
  const { text } = policy;
  const start = policy.root.offset;
  const end = start + policy.root.length;
  let whitespace = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) i = closingQuote(text, i, end);
    else if (c === 32 || c === 9 || c === 10 || c === 13) whitespace++;
  }
  return end - start - whitespace;
}

/** The offset of the quote that closes the string opened at `open` (one not escaped by an odd run of backslashes), or `end`. */
function closingQuote(text: string, open: number, end: number): number {
  for (let at = text.indexOf('"', open + 1); at >= 0 && at < end; at = text.indexOf('"', at + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(at - 1 - backslashes) === 92) backslashes++;
    if (backslashes % 2 === 0) return at;
  }
  return end;
}

/** A quota check for the policy types it applies to, pointing at the Statement key. */
export function policySizeCheck(id: string, anchor: string, severity: Severity, types: readonly PolicyType[], limit: number, what: string, note = ''): RegionCheck {
  return iamCheck({
    id,
    severity,
    title: `The policy is larger than the ${what} quota.`,
    docs: analyzerDocs(anchor),
    run(policy, { document }): Report[] {
      const out: Report[] = [];
      if (!types.includes(policy.type.type) || !policy.statementElement) return out;
      // IAM counts the policy as JSON: a YAML text is counted as the JSON it becomes.
      const yaml = document.format === 'yaml' && !policy.inner;
      // JSON text bounds the count: most policies are far below every quota.
      if (!yaml && policy.root.length <= limit) return out;
      const size = yaml ? JSON.stringify(getNodeValue(policy.root)).length : countedCharacters(policy);
      if (size <= limit) return out;
      out.push({ range: policy.range(policy.statementElement.key), message: `The policy has ${size.toLocaleString('en-US')} characters (whitespace excluded); the ${what} quota is ${limit.toLocaleString('en-US')}.${note}` });
      return out;
    },
  });
}
