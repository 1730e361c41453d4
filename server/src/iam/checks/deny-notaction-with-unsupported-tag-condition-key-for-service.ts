import type { Report } from '../../language/check';
import { analyzerDocs, iamCheck } from '../define';
import { hasOpenNotAction, requiredTagConditions } from '../tag-keys';

/** A Deny with NotAction that requires a tag key denies only the actions whose request has it: the others, and those AWS adds, stay open. */
export const denyNotActionWithUnsupportedTagConditionKeyForService = iamCheck({
  id: 'DENY_NOTACTION_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE',
  severity: 'warning',
  title: 'A Deny with NotAction requires a tag condition key that many of the actions it covers never have in their request, so it does not deny them.',
  docs: analyzerDocs('security-warning-deny-notaction-with-unsupported-tag-condition-key-for-service'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    requiredTagConditions(policy, 'Deny').forEach((entry) => {
      if (!hasOpenNotAction(entry.statement)) return;
      out.push({
        range: policy.range(entry.key),
        message: `With "NotAction", this statement denies only the actions whose request has ${entry.name}; the many that never have it, and actions AWS adds later, are not denied however the resource is tagged: list the actions to deny in "Action" instead.`,
      });
    });
    return out;
  },
});
