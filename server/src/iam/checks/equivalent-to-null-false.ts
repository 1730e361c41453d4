import { toNullFix, wildcardConditionCheck } from '../condition-wildcards';

/** `"StringLike": {"k": "*"}` tests only that k is present: Null says so plainly, and for any key type. */
export const equivalentToNullFalse = wildcardConditionCheck(
  'EQUIVALENT_TO_NULL_FALSE',
  'suggestion-equivalent-to-null-false',
  'present',
  'A condition with a "*" value only tests that its key is present, as "Null": false does.',
  (policy, entry) => {
    const fix = toNullFix(policy, entry, 'false');
    return {
      range: policy.range(entry.key),
      message: `${entry.operator} with "*" only tests that ${entry.name} is present: write "Null": {"${entry.name}": "false"}.`,
      ...(fix ? { fixes: [fix] } : {}),
    };
  },
);
