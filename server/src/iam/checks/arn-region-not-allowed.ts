import type { Report } from '../../language/check';
import { iamData } from '../data/iam-data';
import { isOpen, resourceArns } from '../arn';
import { analyzerDocs, iamCheck } from '../define';
import { fieldIsAlwaysEmpty } from '../arn-templates';

/** Global services (IAM, Route 53, S3 buckets...) leave the region out of every ARN. */
export const arnRegionNotAllowed = iamCheck({
  id: 'ARN_REGION_NOT_ALLOWED',
  severity: 'error',
  title: 'A resource ARN has a region where its service has none.',
  docs: analyzerDocs('error-arn-region-not-allowed'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    const data = iamData();
    resourceArns(policy).forEach(({ node, arn }) => {
      const field = arn.region;
      const service = arn.service && data.service(arn.service.text);
      if (!field || !service || field.text === '' || isOpen(field) || !fieldIsAlwaysEmpty(service.prefix, 3)) return;
      out.push({ range: policy.rangeInString(node, field.start, field.text.length), message: `${service.name} resource ARNs have no region: leave the field empty ("arn:${arn.partition?.text ?? 'aws'}:${arn.service?.text ?? ''}::...").` });
    });
    return out;
  },
});
