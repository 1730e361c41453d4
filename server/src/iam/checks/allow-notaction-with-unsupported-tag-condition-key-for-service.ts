import type { Report } from '../../language/check';
import { analyzerDocs, iamCheck } from '../define';
import { hasOpenNotAction, requiredTagConditions } from '../tag-keys';

/** An Allow with NotAction that requires a tag key allows only the actions whose request has it: not what NotAction reads as. */
export const allowNotActionWithUnsupportedTagConditionKeyForService = iamCheck({
  id: 'ALLOW_NOTACTION_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE',
  severity: 'info',
  title: 'An Allow with NotAction requires a tag condition key that many of the actions it covers never have in their request.',
  docs: analyzerDocs('suggestion-allow-notaction-with-unsupported-tag-condition-key-for-service'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    requiredTagConditions(policy, 'Allow').forEach((entry) => {
      if (!hasOpenNotAction(entry.statement)) return;
      out.push({
        range: policy.range(entry.key),
        message: `With "NotAction", this statement allows only the actions whose request has ${entry.name}; the many that never have it are not allowed: list the actions in "Action" instead.`,
      });
    });
    return out;
  },
});
