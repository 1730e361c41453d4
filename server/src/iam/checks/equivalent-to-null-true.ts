import { toNullFix, wildcardConditionCheck } from '../condition-wildcards';

/** `"StringNotLike": {"k": "*"}` holds only when k is absent: Null says so plainly. */
export const equivalentToNullTrue = wildcardConditionCheck(
  'EQUIVALENT_TO_NULL_TRUE',
  'suggestion-equivalent-to-null-true',
  'absent',
  'A condition with a "*" value only tests that its key is absent, as "Null": true does.',
  (policy, entry) => {
    const fix = toNullFix(policy, entry, 'true');
    return {
      range: policy.range(entry.key),
      message: `${entry.operator} with "*" only holds when ${entry.name} is absent: write "Null": {"${entry.name}": "true"}.`,
      ...(fix ? { fixes: [fix] } : {}),
    };
  },
);
