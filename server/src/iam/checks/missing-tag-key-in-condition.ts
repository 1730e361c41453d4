import type { Report } from '../../language/check';
import { conditionsOf } from '../conditions';
import { analyzerDocs, iamCheck } from '../define';
import { lacksTagKey } from '../tag-keys';

/** `aws:ResourceTag/` names no tag: the key is never in a request, so the condition never matches as meant. */
export const missingTagKeyInCondition = iamCheck({
  id: 'MISSING_TAG_KEY_IN_CONDITION',
  severity: 'error',
  title: 'A tag condition key has no tag key after its slash.',
  docs: analyzerDocs('error-missing-tag-key-in-condition'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    conditionsOf(policy).forEach((entry) => {
      if (!entry.info && lacksTagKey(entry.name)) out.push({ range: policy.range(entry.key), message: `"${entry.name}" names no tag: write the tag's key after the slash, e.g. "${entry.name}team".` });
    });
    return out;
  },
});
