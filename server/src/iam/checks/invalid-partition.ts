import type { Report } from '../../language/check';
import { isOpen, partitions, resourceArns } from '../arn';
import { analyzerDocs, iamCheck } from '../define';

export const invalidPartition = iamCheck({
  id: 'INVALID_PARTITION',
  severity: 'error',
  title: 'A resource ARN names a partition that does not exist.',
  docs: analyzerDocs('error-invalid-partition'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    resourceArns(policy).forEach(({ node, arn }) => {
      const field = arn.partition;
      if (!field || arn.fields.length < 3 || isOpen(field) || partitions.includes(field.text)) return;
      out.push({ range: policy.rangeInString(node, field.start, field.text.length), message: `"${field.text}" is not an AWS partition: use ${partitions.map((p) => `"${p}"`).join(', ')}.` });
    });
    return out;
  },
});
