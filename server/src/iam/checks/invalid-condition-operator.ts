import type { Report } from '../../language/check';
import { conditionsOf } from '../conditions';
import { operatorNames } from '../operators';
import { closest } from '../suggest';
import { analyzerDocs, iamCheck } from '../define';

export const invalidConditionOperator = iamCheck({
  id: 'INVALID_CONDITION_OPERATOR',
  severity: 'error',
  title: 'A condition operator does not exist.',
  docs: analyzerDocs('error-invalid-condition-operator'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    const reported = new Set<number>();
    conditionsOf(policy).forEach((entry) => {
      if (entry.parsed || reported.has(entry.operatorKey.offset)) return;
      reported.add(entry.operatorKey.offset);
      const colon = entry.operator.indexOf(':');
      const qualifier = colon >= 0 ? entry.operator.slice(0, colon + 1) : '';
      const base = entry.operator.slice(colon + 1);
      const candidates = operatorNames.flatMap((n) => (n === 'Null' ? [n] : [n, `${n}IfExists`]));
      const suggestion = closest(base, candidates);
      const validQualifier = qualifier === '' || /^(ForAllValues|ForAnyValue):$/i.test(qualifier);
      const fixed = suggestion && validQualifier ? `${qualifier}${suggestion}` : undefined;
      const range = policy.range(entry.operatorKey);
      out.push({
        range,
        message: `"${entry.operator}" is not a condition operator.${validQualifier ? '' : ' The only qualifiers are ForAllValues: and ForAnyValue:.'}${fixed ? ` Did you mean "${fixed}"?` : ''}`,
        ...(fixed ? { fixes: [{ title: `Change to "${fixed}"`, edits: [{ ...range, newText: policy.literal(fixed) }], preferred: true }] } : {}),
      });
    });
    return out;
  },
});
