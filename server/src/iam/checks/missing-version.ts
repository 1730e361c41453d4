import { insertFirstPropertyEdit } from '../../document/edits';
import type { Report } from '../../language/check';
import { elementOf } from '../policy';
import { analyzerDocs, iamCheck } from '../define';

/** Without Version, IAM reads the policy as 2008-10-17, where policy variables are plain text. */
export const missingVersion = iamCheck({
  id: 'MISSING_VERSION',
  severity: 'warning',
  title: 'The policy has no Version element, so IAM uses the old 2008-10-17 language.',
  docs: analyzerDocs('general-warning-missing-version'),
  run(policy, { document }): Report[] {
    if (policy.statementList || elementOf(policy.root, 'Version')) return [];
    const brace = policy.opening(policy.root);
    const insertAt = policy.range({ offset: policy.root.offset + 1, length: 0 });
    return [{
      range: brace,
      message: 'Add "Version": "2012-10-17": without it IAM uses the 2008-10-17 language, in which policy variables are plain text.',
      fixes: [{ title: 'Add "Version": "2012-10-17"', edits: [policy.inner || document.format === 'json' ? { ...insertAt, newText: policy.raw(policy.inner ? '"Version": "2012-10-17", ' : '\n  "Version": "2012-10-17",') } : insertFirstPropertyEdit(document, policy.root, 'Version', "'2012-10-17'")], preferred: true }],
    }];
  },
});
