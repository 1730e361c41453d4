import type { Report } from '../../language/check';
import { iamData } from '../data/iam-data';
import { isOpen, resourceArns } from '../arn';
import { analyzerDocs, iamCheck } from '../define';
import { fieldIsAlwaysEmpty } from '../arn-templates';

/** Some services' resources are global names (S3 buckets, Route 53 zones) with no account in their ARN. */
export const arnAccountNotAllowed = iamCheck({
  id: 'ARN_ACCOUNT_NOT_ALLOWED',
  severity: 'error',
  title: 'A resource ARN has an account id where its service has none.',
  docs: analyzerDocs('error-arn-account-not-allowed'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    const data = iamData();
    resourceArns(policy).forEach(({ node, arn }) => {
      const field = arn.account;
      const service = arn.service && data.service(arn.service.text);
      if (!field || !service || field.text === '' || isOpen(field) || !fieldIsAlwaysEmpty(service.prefix, 4)) return;
      out.push({ range: policy.rangeInString(node, field.start, field.text.length), message: `${service.name} resource ARNs have no account id: leave the field empty.` });
    });
    return out;
  },
});
