import type { Report } from '../../language/check';
import { conditionsOf } from '../conditions';
import { analyzerDocs, iamCheck } from '../define';

/** Null already tests for the key's absence; IfExists on it makes no sense and IAM rejects it. */
export const nullWithIfExists = iamCheck({
  id: 'NULL_WITH_IF_EXISTS',
  severity: 'error',
  title: 'The Null operator is used with IfExists.',
  docs: analyzerDocs('error-null-with-if-exists'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    const reported = new Set<number>();
    conditionsOf(policy).forEach((entry) => {
      if (entry.parsed?.base !== 'Null' || !entry.parsed.ifExists || reported.has(entry.operatorKey.offset)) return;
      reported.add(entry.operatorKey.offset);
      const range = policy.range(entry.operatorKey);
      out.push({ range, message: 'Null cannot take IfExists: use "Null".', fixes: [{ title: 'Change to "Null"', edits: [{ ...range, newText: policy.literal('Null') }], preferred: true }] });
    });
    return out;
  },
});
