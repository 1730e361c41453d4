import { holdsIntrinsic, strings } from '../values';
import { analyzerDocs, iamCheck } from '../define';

/** A resource is `*` or an ARN; anything else (a bucket name, an ARN missing `arn:`) matches nothing. */
export const invalidArnPrefix = iamCheck({
  id: 'INVALID_ARN_PREFIX',
  severity: 'error',
  title: 'A resource is neither "*" nor an ARN starting with "arn:".',
  docs: analyzerDocs('error-invalid-arn-prefix'),
  *run(policy) {
    for (const statement of policy.statements) {
      for (const element of ['Resource', 'NotResource'] as const) {
        const value = statement.elements[element]?.value;
        if (!value || holdsIntrinsic(value)) continue;
        for (const { node, value: text } of strings(value)) {
          if (text.startsWith('arn:') || /^[*?$]/.test(text)) continue;
          const fixable = /^aws(-[a-z-]+)?:/.test(text);
          yield {
            range: policy.range(node),
            message: `"${text}" is not an ARN: resources must be "*" or start with "arn:".`,
            ...(fixable ? { fixes: [{ title: `Add the "arn:" prefix`, edits: [{ ...policy.range(node), newText: policy.literal(`arn:${text}`) }], preferred: true }] } : {}),
          };
        }
      }
    }
  },
});
