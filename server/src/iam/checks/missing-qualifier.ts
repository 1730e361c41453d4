import type { Report } from '../../language/check';
import { conditionsOf } from '../conditions';
import { analyzerDocs, iamCheck } from '../define';

/**
 * A multivalued key (the reference's ArrayOf types: aws:TagKeys, aws:CalledVia...)
 * holds a set of values; an operator without a set qualifier does not say how
 * that set is compared, and IAM rejects it.
 */
export const missingQualifier = iamCheck({
  id: 'MISSING_QUALIFIER',
  severity: 'error',
  title: 'A multivalued condition key is used without ForAllValues or ForAnyValue.',
  docs: analyzerDocs('error-missing-qualifier'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    conditionsOf(policy).forEach((entry) => {
      const parsed = entry.parsed;
      // Null tests presence only, which needs no qualifier (NULL_WITH_QUALIFIER says the opposite).
      if (!parsed || parsed.qualifier || parsed.base === 'Null' || !entry.info?.type.startsWith('ArrayOf')) return;
      const alone = (entry.block.children ?? []).length === 1;
      const operatorRange = policy.range(entry.operatorKey);
      out.push({
        range: policy.range(entry.key),
        message: `${entry.info.key} can hold several values in one request: write ForAnyValue:${entry.operator} (one value matches) or ForAllValues:${entry.operator} (every value matches).`,
        // The operator is shared by the block's keys: rewrite it only when this key is its only one.
        ...(alone
          ? { fixes: ['ForAnyValue', 'ForAllValues'].map((q) => ({ title: `Change to "${q}:${entry.operator}"`, edits: [{ ...operatorRange, newText: policy.literal(`${q}:${entry.operator}`) }] })) }
          : {}),
      });
    });
    return out;
  },
});
