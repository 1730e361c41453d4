import type { Report } from '../../language/check';
import { conditionsOf } from '../conditions';
import { analyzerDocs, iamCheck } from '../define';

/** Null looks at the key's presence, not its values: a set qualifier changes nothing it could mean. */
export const nullWithQualifier = iamCheck({
  id: 'NULL_WITH_QUALIFIER',
  severity: 'info',
  title: 'The Null operator is used with ForAllValues or ForAnyValue.',
  docs: analyzerDocs('suggestion-null-with-qualifier'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    const reported = new Set<number>();
    conditionsOf(policy).forEach((entry) => {
      if (entry.parsed?.base !== 'Null' || !entry.parsed.qualifier || reported.has(entry.operatorKey.offset)) return;
      reported.add(entry.operatorKey.offset);
      const range = policy.range(entry.operatorKey);
      out.push({ range, message: `Null tests whether the key is present; ${entry.parsed.qualifier} has no meaning with it. Use "Null".`, fixes: [{ title: 'Change to "Null"', edits: [{ ...range, newText: policy.literal('Null') }] }] });
    });
    return out;
  },
});
