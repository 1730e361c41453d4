import { checkTable } from '../../check-table';
import { policy } from '../policies';

checkTable('EMPTY_ARRAY_ACTION', {
  valid: [{ name: 'an action', text: policy('{"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": "*"}') }],
  invalid: [{ name: 'empty Action', text: policy('{"Effect": "Allow", "Action": [], "Resource": "*"}'), findings: [{ at: '[]', occurrence: 0, fixes: ['Remove the empty Action'] }] }],
});

checkTable('EMPTY_ARRAY_RESOURCE', {
  valid: [{ name: 'a resource', text: policy('{"Effect": "Allow", "Action": "s3:GetObject", "Resource": ["*"]}') }],
  invalid: [{ name: 'empty Resource', text: policy('{"Effect": "Allow", "Action": "s3:GetObject", "Resource": []}'), findings: [{ at: '[]' }] }],
});

checkTable('EMPTY_ARRAY_PRINCIPAL', {
  valid: [{ name: 'a principal', text: policy('{"Effect": "Allow", "Principal": ["*"], "Action": "s3:GetObject", "Resource": "*"}') }],
  invalid: [{ name: 'empty Principal array', text: policy('{"Effect": "Allow", "Principal": [], "Action": "s3:GetObject", "Resource": "*"}'), findings: [{ at: '[]' }] }],
});

checkTable('EMPTY_OBJECT_PRINCIPAL', {
  valid: [{ name: 'an AWS principal', text: policy('{"Effect": "Allow", "Principal": {"AWS": "123456789012"}, "Action": "s3:GetObject", "Resource": "*"}') }],
  invalid: [{ name: 'empty Principal object', text: policy('{"Effect": "Allow", "Principal": {}, "Action": "s3:GetObject", "Resource": "*"}'), findings: [{ at: '{}' }] }],
});

checkTable('EMPTY_OBJECT_CONDITION', {
  valid: [{ name: 'no Condition', text: policy('{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}') }],
  invalid: [
    {
      name: 'empty Condition',
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {}}]}',
      findings: [{ at: '{}', message: 'Condition is {}: it matches nothing. Add values or remove the element.', fixes: ['Remove the empty Condition'] }],
    },
  ],
});

checkTable('EMPTY_ARRAY_CONDITION', {
  valid: [{ name: 'values given', text: policy('{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"StringEquals": {"aws:PrincipalTag/team": ["a"]}}}') }],
  invalid: [
    {
      name: 'no values',
      text: policy('{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"StringEquals": {"aws:PrincipalTag/team": []}}}'),
      findings: [{ at: '[]', fixes: ['Remove aws:PrincipalTag/team'] }],
    },
  ],
});

checkTable('EMPTY_SID_VALUE', {
  valid: [{ name: 'a Sid', text: policy('{"Sid": "A", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}') }],
  invalid: [{ name: 'empty Sid', text: policy('{"Sid": "", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}'), findings: [{ at: '""', fixes: ['Remove the empty Sid'] }] }],
});
