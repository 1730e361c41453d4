import type { Report } from '../../language/check';
import { resourceArns } from '../arn';
import { analyzerDocs, iamCheck } from '../define';

/** An ARN has six colon-separated fields; a last field of "*" may stand for the rest. */
export const missingArnField = iamCheck({
  id: 'MISSING_ARN_FIELD',
  severity: 'error',
  title: 'A resource ARN has fewer than its six fields.',
  docs: analyzerDocs('error-missing-arn-field'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    resourceArns(policy).forEach(({ node, value, arn }) => {
      if (arn.fields.length >= 6 || arn.fields[arn.fields.length - 1]?.text === '*') return;
      out.push({ range: policy.range(node), message: `"${value}" has ${arn.fields.length} of the 6 ARN fields (arn:partition:service:region:account:resource); leave region or account empty rather than out.` });
    });
    return out;
  },
});
