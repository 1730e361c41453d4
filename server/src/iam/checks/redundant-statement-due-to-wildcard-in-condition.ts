import { wildcardConditionCheck } from '../condition-wildcards';

/** `"ForAnyValue:StringNotLike": {"k": "*"}` needs a value unlike "*": there is none, so the statement never applies. */
export const redundantStatementDueToWildcardInCondition = wildcardConditionCheck(
  'REDUNDANT_STATEMENT_DUE_TO_WILDCARD_IN_CONDITION',
  'suggestion-redundant-statement-due-to-wildcard-in-condition',
  'never',
  'A condition key with a "*" value matches no request, so its statement never applies.',
  (policy, entry) => ({
    range: policy.range(entry.key),
    message: `${entry.operator} with "*" matches no request (every value of ${entry.name} is like "*"): this statement never applies.`,
  }),
);
