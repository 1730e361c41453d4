import type { Report } from '../../language/check';
import { resourceArns } from '../arn';
import { analyzerDocs, iamCheck } from '../define';

/** ARNs are matched case-sensitively, and every service writes its name in lower case. */
export const invalidArnServiceCase = iamCheck({
  id: 'INVALID_ARN_SERVICE_CASE',
  severity: 'error',
  title: 'A resource ARN writes its service in capitals.',
  docs: analyzerDocs('error-invalid-arn-service-case'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    resourceArns(policy).forEach(({ node, value, arn }) => {
      const field = arn.service;
      if (!field || arn.fields.length < 4 || field.text === field.text.toLowerCase()) return;
      const fixed = value.slice(0, field.start) + field.text.toLowerCase() + value.slice(field.start + field.text.length);
      out.push({
        range: policy.rangeInString(node, field.start, field.text.length),
        message: `The service in an ARN is lower case: "${field.text.toLowerCase()}", not "${field.text}".`,
        fixes: [{ title: `Use "${field.text.toLowerCase()}"`, edits: [{ ...policy.range(node), newText: policy.literal(fixed) }], preferred: true }],
      });
    });
    return out;
  },
});
