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
    unknownKeys(out, policy, policy.root, topLevel, 'policy');
    for (const statement of policy.statements) unknownKeys(out, policy, statement.node, statementElements, 'statement');
    return out;
  },
});

/** Pushes a report for each key IAM does not know (a loop, not a generator: it runs for every statement). */
function unknownKeys(out: Report[], policy: Policy, node: Node, known: readonly string[], where: string): void {
  for (const property of node.children ?? []) {
    const key = property.children?.[0];
    const name = key?.value;
    if (!key || typeof name !== 'string' || known.includes(name)) continue;
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
