import type { Report } from '../../language/check';
import { elementOf } from '../policy';
import { isIntrinsic } from '../values';
import { analyzerDocs, iamCheck } from '../define';

/** IAM knows two language versions; any other value is rejected. */
export const invalidVersion = iamCheck({
  id: 'INVALID_VERSION',
  severity: 'error',
  title: 'The Version element is not a version of the IAM policy language.',
  docs: analyzerDocs('error-invalid-version'),
  run(policy): Report[] {
    const version = elementOf(policy.root, 'Version')?.value;
    if (!version || version.type !== 'string' || isIntrinsic(version)) return [];
    if (version.value === '2012-10-17' || version.value === '2008-10-17') return [];
    return [{
      range: policy.range(version),
      message: `"${String(version.value)}" is not an IAM policy language version: use "2012-10-17".`,
      fixes: [{ title: 'Use "2012-10-17"', edits: [{ ...policy.range(version), newText: policy.literal('2012-10-17') }], preferred: true }],
    }];
  },
});
