import type { Report } from '../../language/check';
import { conditionsOf } from '../conditions';
import { analyzerDocs, iamCheck } from '../define';

/** ForAllValues is true when the key is absent: on a single-valued key that usually allows more than meant. */
export const forAllValuesWithSingleValuedKey = iamCheck({
  id: 'FORALLVALUES_WITH_SINGLE_VALUED_KEY',
  severity: 'warning',
  title: 'ForAllValues is used with a single-valued condition key.',
  docs: analyzerDocs('security-warning-forallvalues-with-single-valued-key'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    conditionsOf(policy).forEach((entry) => {
      if (entry.parsed?.qualifier !== 'ForAllValues' || !entry.info || entry.info.scope === 'provider' || entry.info.type.startsWith('ArrayOf')) return;
      out.push({ range: policy.range(entry.operatorKey), message: `${entry.info.key} has one value per request: ForAllValues also matches when it is absent. Drop the ForAllValues: qualifier.` });
    });
    return out;
  },
});
