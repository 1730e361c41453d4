import type { Report } from '../../language/check';
import { conditionsOf } from '../conditions';
import { guideDocs, iamCheck } from '../define';

/** String operators compare ARNs as text; Arn operators compare them field by field, as intended. */
export const stringOperatorOnArnKey = iamCheck({
  id: 'iam.string-operator-on-arn-key',
  severity: 'info',
  title: 'A string operator compares an ARN condition key.',
  docs: guideDocs('reference_policies_elements_condition_operators.html#Conditions_ARN'),
  run(policy): Report[] {
    const out: Report[] = [];
    for (const entry of conditionsOf(policy)) {
      if (entry.parsed?.family !== 'String' || !/^(ArrayOf)?ARN$/.test(entry.info?.type ?? '')) continue;
      const arnOperator = entry.parsed.base.replace(/^String(Not)?(Equals|Like)(IgnoreCase)?$/, (_, not: string | undefined, kind: string) => `Arn${not ?? ''}${kind}`);
      if (arnOperator === entry.parsed.base) continue;
      out.push({ range: policy.range(entry.operatorKey), message: `${entry.info?.key ?? entry.name} is an ARN: ${arnOperator} compares it field by field, where ${entry.parsed.base} compares text.` });
    }
    return out;
  },
});
