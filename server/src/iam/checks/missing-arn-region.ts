import type { Report } from '../../language/check';
import { iamData } from '../data/iam-data';
import { resourceArns } from '../arn';
import { fieldIsAlwaysFilled } from '../arn-templates';
import { analyzerDocs, iamCheck } from '../define';

/** Regional services' ARNs always name the region: an empty region field matches none of their resources. */
export const missingArnRegion = iamCheck({
  id: 'MISSING_ARN_REGION',
  severity: 'error',
  title: 'A resource ARN of a regional service leaves the region empty.',
  docs: analyzerDocs('error-missing-arn-region'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    const data = iamData();
    resourceArns(policy).forEach(({ node, arn }) => {
      const field = arn.region;
      const service = arn.service && data.service(arn.service.text);
      if (!field || !service || arn.fields.length < 6 || field.text !== '' || !fieldIsAlwaysFilled(service.prefix, 3)) return;
      // The empty field shows as the two colons around it.
      out.push({ range: policy.rangeInString(node, field.start - 1, 2), message: `${service.name} resource ARNs name their region: put one (or "*") between the colons.` });
    });
    return out;
  },
});
