import type { Report } from '../../language/check';
import { elementOf } from '../policy';
import { guideDocs, iamCheck } from '../define';

/** 2008-10-17 still works but lacks policy variables and newer features. */
export const outdatedVersion = iamCheck({
  id: 'iam.outdated-version',
  severity: 'warning',
  title: 'The policy uses the old 2008-10-17 language version.',
  docs: guideDocs('reference_policies_elements_version.html'),
  run(policy): Report[] {
    const version = elementOf(policy.root, 'Version')?.value;
    if (version?.type !== 'string' || version.value !== '2008-10-17') return [];
    return [{
      range: policy.range(version),
      message: 'Version 2008-10-17 does not support policy variables such as ${aws:username}; use "2012-10-17".',
      fixes: [{ title: 'Use "2012-10-17"', edits: [{ ...policy.range(version), newText: policy.literal('2012-10-17') }] }],
    }];
  },
});
