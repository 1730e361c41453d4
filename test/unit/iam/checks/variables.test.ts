import { checkTable } from '../../check-table';
import { policy } from '../policies';

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
