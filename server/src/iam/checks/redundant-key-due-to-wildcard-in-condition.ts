import { wildcardConditionCheck } from '../condition-wildcards';
import { removeConditionKey } from '../edits';

/** `"StringLikeIfExists": {"k": "*"}` or `"ForAllValues:StringLike": {"k": "*"}` holds for every request: the key limits nothing. */
export const redundantKeyDueToWildcardInCondition = wildcardConditionCheck(
  'REDUNDANT_KEY_DUE_TO_WILDCARD_IN_CONDITION',
  'suggestion-redundant-key-due-to-wildcard-in-condition',
  'always',
  'A condition key with a "*" value matches every request.',
  (policy, entry) => ({
    range: policy.range(entry.key),
    message: `${entry.operator} with "*" matches every request, with ${entry.name} or without: it limits nothing. Remove it, or name the values meant.`,
    fixes: [removeConditionKey(policy, entry.key, `Remove ${entry.name}`)],
  }),
);
