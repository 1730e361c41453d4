import type { Report } from '../../language/check';
import { isOpen, resourceArns } from '../arn';
import { analyzerDocs, iamCheck } from '../define';

/** Account ids are 12 digits; `aws` owns AWS managed resources (managed policies, public SSM parameters). */
export const invalidArnAccount = iamCheck({
  id: 'INVALID_ARN_ACCOUNT',
  severity: 'error',
  title: 'A resource ARN\'s account field is not a 12-digit account id.',
  docs: analyzerDocs('error-invalid-arn-account'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    resourceArns(policy).forEach(({ node, arn }) => {
      const field = arn.account;
      if (!field || arn.fields.length < 6 || field.text === '' || field.text === 'aws' || isOpen(field) || /^\d{12}$/.test(field.text)) return;
      const digits = /^\d+$/.test(field.text) ? ` (it has ${field.text.length} digits)` : '';
      out.push({ range: policy.rangeInString(node, field.start, field.text.length), message: `"${field.text}" is not an account id: use 12 digits${digits}, "*" or leave it empty where the service has no account.` });
    });
    return out;
  },
});
