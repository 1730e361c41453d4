import type { Report } from '../../language/check';
import { analyzerDocs, iamCheck } from '../define';

/** A resource is `*` or an ARN; anything else (a bucket name, an ARN missing `arn:`) matches nothing. */
export const invalidArnPrefix = iamCheck({
  id: 'INVALID_ARN_PREFIX',
  severity: 'error',
  title: 'A resource is neither "*" nor an ARN starting with "arn:".',
  docs: analyzerDocs('error-invalid-arn-prefix'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    policy.statements.forEach((statement) => {
      for (const { node, value } of statement.resources) {
        if (value.startsWith('arn:') || /^[*?$]/.test(value)) continue;
        const fixable = /^aws(-[a-z-]+)?:/.test(value);
        out.push({
          range: policy.range(node),
          message: `"${value}" is not an ARN: resources must be "*" or start with "arn:".`,
          ...(fixable ? { fixes: [{ title: 'Add the "arn:" prefix', edits: [{ ...policy.range(node), newText: policy.literal(`arn:${value}`) }], preferred: true }] } : {}),
        });
      }
    });
    return out;
  },
});
