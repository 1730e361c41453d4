import type { Report } from '../../language/check';
import { analyzerDocs, iamCheck } from '../define';
import { actionsWithoutKey, describeActions, requiredTagConditions } from '../tag-keys';

/** An Allow that requires a tag key allows nothing of the actions whose request never has it: Access Analyzer's suggestion, judged per action. */
export const allowWithUnsupportedTagConditionKeyForService = iamCheck({
  id: 'ALLOW_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE',
  severity: 'info',
  title: 'An Allow requires a tag condition key that some of its actions never have in their request.',
  docs: analyzerDocs('suggestion-allow-with-unsupported-tag-condition-key-for-service'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    requiredTagConditions(policy, 'Allow').forEach((entry) => {
      const actions = actionsWithoutKey(entry);
      if (actions.length === 0) return;
      const one = actions.length === 1;
      out.push({
        range: policy.range(entry.key),
        message: `${entry.name} is never in the request of ${describeActions(actions)}, so this statement allows ${one ? 'it' : 'none of them'}: move ${one ? 'it' : 'them'} to a statement without this condition.`,
      });
    });
    return out;
  },
});
