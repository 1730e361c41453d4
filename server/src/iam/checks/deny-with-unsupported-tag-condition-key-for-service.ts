import type { Report } from '../../language/check';
import { analyzerDocs, iamCheck } from '../define';
import { actionsWithoutKey, describeActions, requiredTagConditions } from '../tag-keys';

/** A Deny that requires a tag key denies nothing of the actions whose request never has it, however the resource is tagged. */
export const denyWithUnsupportedTagConditionKeyForService = iamCheck({
  id: 'DENY_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE',
  severity: 'warning',
  title: 'A Deny requires a tag condition key that some of its actions never have in their request, so it does not deny them.',
  docs: analyzerDocs('security-warning-deny-with-unsupported-tag-condition-key-for-service'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    requiredTagConditions(policy, 'Deny').forEach((entry) => {
      const actions = actionsWithoutKey(entry);
      if (actions.length === 0) return;
      const one = actions.length === 1;
      out.push({
        range: policy.range(entry.key),
        message: `${entry.name} is never in the request of ${describeActions(actions)}, so this statement denies ${one ? 'it' : 'none of them'}, however the resource is tagged: deny ${one ? 'it' : 'them'} in a statement without this condition (by resource name, not tag); an IfExists operator would deny ${one ? 'it' : 'them'} always.`,
      });
    });
    return out;
  },
});
