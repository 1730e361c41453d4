import type { Node } from 'jsonc-parser';
import type { Report } from '../../language/check';
import { statementElements, type Policy } from '../policy';
import { analyzerDocs, iamCheck } from '../define';

const topLevel = ['Version', 'Id', 'Statement'];

/** IAM rejects keys it does not know, including known ones spelt with another case. */
export const invalidPolicyElement = iamCheck({
  id: 'INVALID_POLICY_ELEMENT',
  severity: 'error',
  title: 'The policy or a statement has an element IAM does not know.',
  docs: analyzerDocs('error-invalid-policy-element'),
  run(policy): Report[] {
    const out: Report[] = [];
    const rootKeys = policy.statementList ? [] : (policy.root.children ?? []).flatMap((p) => p.children?.[0] ?? []).filter((key) => !topLevel.includes(String(key.value)));
    unknownKeys(out, policy, rootKeys, topLevel, 'policy');
    // The statement model set aside the keys that are not elements when it read each statement.
    for (const statement of policy.statements) if (statement.otherKeys.length) unknownKeys(out, policy, statement.otherKeys, statementElements, 'statement');
    return out;
  },
});

/** Pushes a report for each of the keys, which IAM does not know. */
function unknownKeys(out: Report[], policy: Policy, keys: readonly Node[], known: readonly string[], where: string): void {
  for (const key of keys) {
    const name = key.value;
    if (typeof name !== 'string') continue;
    const sameButCase = known.find((k) => k.toLowerCase() === name.toLowerCase());
    const range = policy.range(key);
    out.push(sameButCase
      ? {
          range,
          message: `Element names are case-sensitive: "${name}" should be "${sameButCase}".`,
          fixes: [{ title: `Rename to "${sameButCase}"`, edits: [{ ...range, newText: policy.literal(sameButCase) }], preferred: true }],
        }
      : { range, message: `"${name}" is not an element of a ${where}; a ${where} may have ${known.join(', ')}.` });
  }
}
