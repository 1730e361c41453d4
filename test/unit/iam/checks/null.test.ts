import { checkTable } from '../../check-table';
import { policy } from '../policies';

/** Conditions that only test a key's presence or absence, and the pitfalls around Null (Access Analyzer's and parliament's). */
const withCondition = (condition: string, effect = 'Allow') => policy(`{"Effect": "${effect}", "Action": "sts:TagSession", "Resource": "*", "Condition": ${condition}}`);

checkTable('EQUIVALENT_TO_NULL_FALSE', {
  valid: [
    { name: 'Null false itself', text: withCondition('{"Null": {"aws:RequestTag/Project": "false"}}') },
    { name: 'a real pattern', text: withCondition('{"StringLike": {"aws:RequestTag/Project": "proj-*"}}') },
    { name: 'StringEquals compares "*" literally', text: withCondition('{"StringEquals": {"aws:RequestTag/Project": "*"}}') },
  ],
  invalid: [
    {
      name: 'StringLike "*" (AWS session tags example)',
      text: withCondition('{"StringLike": {"aws:RequestTag/Project": "*"}, "StringEquals": {"sts:ExternalId": "Example987"}}'),
      findings: [{ at: '"aws:RequestTag/Project"', message: 'StringLike with "*" only tests that aws:RequestTag/Project is present: write "Null": {"aws:RequestTag/Project": "false"}.', fixes: ['Change to "Null": {"aws:RequestTag/Project": "false"}'] }],
    },
    {
      name: 'ForAnyValue:StringLike "*" among other values; no fix beside another key',
      text: withCondition('{"ForAnyValue:StringLike": {"aws:TagKeys": ["team", "*"], "aws:RequestTag/team": "a"}}'),
      findings: [{ at: '"aws:TagKeys"', fixes: [] }],
    },
    {
      name: 'no fix when the statement has a Null block already',
      text: withCondition('{"StringLike": {"aws:RequestTag/Project": "*"}, "Null": {"aws:RequestTag/Team": "false"}}'),
      findings: [{ at: '"aws:RequestTag/Project"', fixes: [] }],
    },
  ],
});

checkTable('EQUIVALENT_TO_NULL_TRUE', {
  valid: [{ name: 'StringNotLike a pattern', text: withCondition('{"StringNotLike": {"aws:RequestTag/Project": "tmp-*"}}') }],
  invalid: [
    { name: 'StringNotLike "*"', text: withCondition('{"StringNotLike": {"aws:RequestTag/Project": "*"}}'), findings: [{ at: '"aws:RequestTag/Project"', message: 'StringNotLike with "*" only holds when aws:RequestTag/Project is absent: write "Null": {"aws:RequestTag/Project": "true"}.', fixes: ['Change to "Null": {"aws:RequestTag/Project": "true"}'] }] },
    { name: 'ForAllValues:StringNotLike "*"', text: withCondition('{"ForAllValues:StringNotLike": {"aws:TagKeys": "*"}}'), findings: [{ at: '"aws:TagKeys"' }] },
  ],
});

checkTable('REDUNDANT_KEY_DUE_TO_WILDCARD_IN_CONDITION', {
  valid: [{ name: 'StringLike "*" still needs the key', text: withCondition('{"StringLike": {"aws:RequestTag/Project": "*"}}') }],
  invalid: [
    {
      name: 'StringLikeIfExists "*"',
      text: withCondition('{"StringLikeIfExists": {"aws:RequestTag/Project": "*"}}'),
      findings: [{ at: '"aws:RequestTag/Project"', message: 'StringLikeIfExists with "*" matches every request, with aws:RequestTag/Project or without: it limits nothing. Remove it, or name the values meant.', fixes: ['Remove aws:RequestTag/Project'] }],
    },
    { name: 'ForAllValues:StringLike "*"', text: withCondition('{"ForAllValues:StringLike": {"aws:TagKeys": ["*"]}}'), findings: [{ at: '"aws:TagKeys"' }] },
  ],
});

checkTable('REDUNDANT_STATEMENT_DUE_TO_WILDCARD_IN_CONDITION', {
  valid: [{ name: 'ForAnyValue:StringNotLike a pattern', text: withCondition('{"ForAnyValue:StringNotLike": {"aws:TagKeys": "tmp-*"}}') }],
  invalid: [{ name: 'ForAnyValue:StringNotLike "*"', text: withCondition('{"ForAnyValue:StringNotLike": {"aws:TagKeys": "*"}}'), findings: [{ at: '"aws:TagKeys"', message: /never applies/ }] }],
});

checkTable('iam.redundant-null-false', {
  valid: [
    { name: 'a Null guard on another key (AWS example: ec2:SourceInstanceARN)', text: withCondition('{"StringNotEquals": {"aws:SourceVpc": "${aws:Ec2InstanceSourceVpc}"}, "Null": {"ec2:SourceInstanceARN": "false"}}', 'Deny') },
    { name: 'beside ForAllValues, which matches an absent key (AWS guidance)', text: withCondition('{"ForAllValues:StringEquals": {"aws:TagKeys": ["team"]}, "Null": {"aws:TagKeys": "false"}}') },
    { name: 'beside IfExists and negated operators', text: withCondition('{"StringEqualsIfExists": {"aws:RequestTag/a": "x"}, "StringNotEquals": {"aws:RequestTag/b": "y"}, "Null": {"aws:RequestTag/a": "false", "aws:RequestTag/b": "false"}}') },
  ],
  invalid: [
    {
      name: 'beside StringEquals on the same key (any case)',
      text: withCondition('{"StringEquals": {"aws:RequestTag/Team": "a"}, "Null": {"aws:requesttag/team": "false"}}'),
      findings: [{ at: '"aws:requesttag/team"', message: 'StringEquals on aws:RequestTag/Team already fails when the key is absent: "Null": false adds nothing here.', fixes: ['Remove the Null test of aws:requesttag/team'] }],
    },
  ],
});

checkTable('iam.bad-pattern-for-mfa', {
  valid: [
    { name: 'Bool true in an Allow (AWS example)', text: withCondition('{"Bool": {"aws:MultiFactorAuthPresent": "true"}}') },
    { name: 'BoolIfExists false in a Deny (AWS example)', text: withCondition('{"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}', 'Deny') },
    { name: 'Null true denies long-term keys', text: withCondition('{"Null": {"aws:MultiFactorAuthPresent": "true"}}', 'Deny') },
  ],
  invalid: [
    { name: 'Bool false in a Deny (parliament)', text: withCondition('{"Bool": {"aws:MultiFactorAuthPresent": "false"}}', 'Deny'), findings: [{ at: '"false"', message: /long-term access keys carry no aws:MultiFactorAuthPresent.*Use "BoolIfExists"/ }] },
    { name: 'Bool false in an Allow (parliament)', text: withCondition('{"Bool": {"aws:MultiFactorAuthPresent": "false"}}'), findings: [{ at: '"false"', message: /never requires MFA/ }] },
    { name: 'Null false (parliament)', text: withCondition('{"Null": {"aws:MultiFactorAuthPresent": "false"}}'), findings: [{ at: '"false"', message: /only says the request used temporary credentials/ }] },
  ],
});

checkTable('INVALID_CONDITION_MULTIPLE_BOOLEAN', {
  valid: [{ name: 'one value', text: withCondition('{"Bool": {"aws:SecureTransport": ["false"]}, "Null": {"aws:TokenIssueTime": "true"}}') }],
  invalid: [
    { name: 'Bool true and false', text: withCondition('{"Bool": {"aws:SecureTransport": ["true", false]}}'), findings: [{ at: '["true", false]', message: 'aws:SecureTransport is given both true and false under Bool, so the condition matches whatever its value. Give one value.' }] },
    { name: 'Null true and false', text: withCondition('{"Null": {"aws:TokenIssueTime": ["true", "False"]}}'), findings: [{ at: '["true", "False"]', message: /present or not/ }] },
  ],
});

checkTable('EMPTY_ARRAY_CONDITION_FORALLVALUES', {
  valid: [{ name: 'values given', text: withCondition('{"ForAllValues:StringEquals": {"aws:TagKeys": ["team"]}}') }],
  invalid: [{ name: 'no values', text: withCondition('{"ForAllValues:StringEquals": {"aws:TagKeys": []}}'), findings: [{ at: '[]', message: 'ForAllValues:StringEquals with no values matches only when aws:TagKeys is absent: write "Null": {"aws:TagKeys": "true"}, or add values.', fixes: ['Remove aws:TagKeys'] }] }],
});

checkTable('EMPTY_ARRAY_CONDITION_FORANYVALUE', {
  valid: [{ name: 'values given', text: withCondition('{"ForAnyValue:StringEquals": {"aws:TagKeys": ["team"]}}') }],
  invalid: [{ name: 'no values', text: withCondition('{"ForAnyValue:StringEquals": {"aws:TagKeys": []}}'), findings: [{ at: '[]', message: /never matches: this statement never applies/ }] }],
});

checkTable('EMPTY_ARRAY_CONDITION_IFEXISTS', {
  valid: [{ name: 'plain operator (EMPTY_ARRAY_CONDITION reports it)', text: withCondition('{"StringEquals": {"aws:RequestTag/team": []}}') }],
  invalid: [{ name: 'no values', text: withCondition('{"StringEqualsIfExists": {"aws:RequestTag/team": []}}'), findings: [{ at: '[]', message: /matches only when aws:RequestTag\/team is absent/ }] }],
});
