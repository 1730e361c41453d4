import { checkTable } from '../../check-table';
import { policy, yamlTemplate } from '../policies';

const withResource = (resource: string) => policy(`{"Effect": "Allow", "Action": "s3:GetObject", "Resource": ${resource}}`);

checkTable('iam.unknown-policy-variable', {
  valid: [
    { name: 'AWS doc example: home folders', text: withResource('["arn:aws:s3:::amzn-s3-demo-bucket/home/${aws:username}/*", "arn:aws:s3:::b/${aws:PrincipalTag/team}/${*}", "arn:aws:s3:::b/${aws:username, \'none\'}"]') },
  ],
  invalid: [
    { name: 'a typo', text: withResource('"arn:aws:s3:::b/${aws:usrname}/*"'), findings: [{ at: '${aws:usrname}', message: /names no condition key/ }] },
    { name: 'no prefix', text: withResource('"arn:aws:s3:::b/${username}/*"'), findings: [{ at: '${username}', message: /is not a policy variable/ }] },
  ],
});

checkTable('MISSING_BRACE_IN_VARIABLE', {
  valid: [{ name: 'closed', text: withResource('"arn:aws:s3:::b/${aws:username}/*"') }],
  invalid: [{ name: 'not closed', text: withResource('"arn:aws:s3:::b/${aws:username/*"'), findings: [{ at: '${' }] }],
});

checkTable('VARIABLE_UNSUPPORTED_IN_VERSION', {
  valid: [{ name: '2012-10-17', text: withResource('"arn:aws:s3:::b/${aws:username}/*"') }],
  invalid: [
    { name: '2008-10-17', text: '{"Version": "2008-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/${aws:username}/*"}]}', findings: [{ at: '${aws:username}', message: /plain text in version 2008-10-17/ }] },
  ],
});

checkTable('VARIABLE_UNSUPPORTED_IN_ELEMENT', {
  valid: [{ name: 'in Resource', text: withResource('"arn:aws:s3:::b/${aws:username}/*"') }],
  invalid: [{ name: 'in Action', text: policy('{"Effect": "Allow", "Action": "s3:${aws:username}", "Resource": "*"}'), findings: [{ at: '${aws:username}' }] }],
});

const withCondition = (condition: string) => policy(`{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": ${condition}}`);

checkTable('EMPTY_VARIABLE', {
  valid: [
    { name: 'named variables and the special characters', text: withResource('["arn:aws:s3:::b/${aws:username}/*", "arn:aws:s3:::b/${*}${?}${$}"]') },
    { name: 'YAML: a variable in a condition', fileName: 'template.yaml', text: yamlTemplate('Effect: Allow', 'Action: s3:ListBucket', 'Resource: arn:aws:s3:::b', 'Condition:', '  StringLike:', '    s3:prefix: ["${aws:username}/*"]') },
  ],
  invalid: [
    { name: '${} and ${ }', text: withResource('["arn:aws:s3:::b/${}/*", "arn:aws:s3:::b/${ }/*"]'), findings: [{ at: '${}', message: '"${}" names no condition key: write one between the braces, e.g. ${aws:username}, or remove it.' }, { at: '${ }' }] },
    { name: 'YAML: empty in a condition value', fileName: 'template.yaml', text: yamlTemplate('Effect: Allow', 'Action: s3:ListBucket', 'Resource: arn:aws:s3:::b', 'Condition:', '  StringLike:', '    s3:prefix: ["${}/*"]'), findings: [{ at: '${}' }] },
  ],
});

checkTable('UNSUPPORTED_SPACE_IN_VARIABLE', {
  valid: [
    { name: 'a space in the default only (AWS example)', text: withResource('"arn:aws:s3:::b-${aws:PrincipalTag/team, \'company-wide\'}"') },
    { name: 'YAML: no space', fileName: 'template.yaml', text: yamlTemplate('Effect: Allow', 'Action: s3:GetObject', 'Resource: arn:aws:s3:::b/${aws:username}/*') },
  ],
  invalid: [
    { name: 'a space inside the braces', text: withResource('["arn:aws:s3:::b/${ aws:username}/*", "arn:aws:s3:::b/${aws:username }/*"]'), findings: [{ at: '${ aws:username}', message: '"${ aws:username}" has a space in its name: write ${aws:username}.' }, { at: '${aws:username }' }] },
    { name: 'YAML: a space before a default', fileName: 'template.yaml', text: yamlTemplate('Effect: Allow', 'Action: s3:GetObject', "Resource: arn:aws:s3:::b/${ aws:username, 'x'}/*"), findings: [{ at: "${ aws:username, 'x'}", message: '"${ aws:username, \'x\'}" has a space in its name: write ${aws:username, \'x\'}.' }] },
  ],
});

checkTable('MISSING_QUOTE_IN_VARIABLE', {
  valid: [
    { name: 'a quoted default (AWS example)', text: withResource('"arn:aws:s3:::b-${aws:PrincipalTag/team, \'company-wide\'}"') },
    { name: 'YAML: no default', fileName: 'template.yaml', text: yamlTemplate('Effect: Allow', 'Action: s3:GetObject', 'Resource: arn:aws:s3:::b/${aws:username}/*') },
  ],
  invalid: [
    { name: 'no quotes, and one missing', text: withResource('["arn:aws:s3:::b-${aws:PrincipalTag/team, company-wide}", "arn:aws:s3:::c-${aws:PrincipalTag/team, \'company-wide}"]'), findings: [{ at: '${aws:PrincipalTag/team, company-wide}', message: 'The default of "${aws:PrincipalTag/team, company-wide}" must begin and end with a single quote: write ${aws:PrincipalTag/team, \'company-wide\'}.' }, { at: "${aws:PrincipalTag/team, 'company-wide}" }] },
    { name: 'YAML: double quotes in a condition value', fileName: 'template.yaml', text: yamlTemplate('Effect: Allow', 'Action: s3:ListBucket', 'Resource: arn:aws:s3:::b', 'Condition:', '  StringLike:', '    s3:prefix: \'${aws:username, "x"}/*\''), findings: [{ at: '${aws:username, "x"}' }] },
  ],
});

checkTable('INVALID_VARIABLE_FOR_OPERATOR', {
  valid: [
    { name: 'String and ARN operators replace variables (AWS examples)', text: withCondition('{"StringEquals": {"aws:ResourceTag/team": "${aws:PrincipalTag/team}"}, "ArnLike": {"aws:SourceArn": "arn:aws:iam::*:user/${aws:username}"}}') },
    { name: 'YAML: StringLike', fileName: 'template.yaml', text: yamlTemplate('Effect: Allow', 'Action: s3:ListBucket', 'Resource: arn:aws:s3:::b', 'Condition:', '  StringLike:', '    s3:prefix: ["${aws:username}/*"]') },
  ],
  invalid: [
    {
      name: 'Numeric, Date, Bool and IpAddress compare it as written',
      text: withCondition('{"NumericLessThan": {"aws:MultiFactorAuthAge": "${aws:PrincipalTag/age}"}, "DateGreaterThan": {"aws:CurrentTime": "${aws:PrincipalTag/t}"}, "Bool": {"aws:SecureTransport": "${aws:PrincipalTag/b}"}, "IpAddress": {"aws:SourceIp": ["203.0.113.0/24", "${aws:PrincipalTag/ip}"]}}'),
      findings: [
        { at: '"${aws:PrincipalTag/age}"', message: 'NumericLessThan does not replace policy variables, so "${aws:PrincipalTag/age}" is compared as written: variables work with String and ARN operators only.' },
        { at: '"${aws:PrincipalTag/t}"' },
        { at: '"${aws:PrincipalTag/b}"' },
        { at: '"${aws:PrincipalTag/ip}"' },
      ],
    },
    { name: 'YAML: NumericGreaterThan', fileName: 'template.yaml', text: yamlTemplate('Effect: Allow', 'Action: s3:GetObject', 'Resource: "*"', 'Condition:', '  NumericGreaterThan:', '    s3:max-keys: ${aws:PrincipalTag/max}'), findings: [{ at: '${aws:PrincipalTag/max}' }] },
  ],
});
