import type { Report } from '../../language/check';
import { isOpen, resourceArns } from '../arn';
import { analyzerDocs, iamCheck } from '../define';

/** Region codes look like us-east-1, eu-central-2, us-gov-west-1, cn-north-1. */
const regionCode = /^[a-z]{2,4}(-[a-z]+)+-\d{1,2}$/;

export const invalidRegion = iamCheck({
  id: 'INVALID_REGION',
  severity: 'error',
  title: 'A resource ARN\'s region field is not a region code.',
  docs: analyzerDocs('error-invalid-region'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    resourceArns(policy).forEach(({ node, arn }) => {
      const field = arn.region;
      if (!field || arn.fields.length < 5 || field.text === '' || isOpen(field) || regionCode.test(field.text)) return;
      out.push({ range: policy.rangeInString(node, field.start, field.text.length), message: `"${field.text}" is not a region code (such as us-east-1); leave the field empty for global resources.` });
    });
    return out;
  },
});
