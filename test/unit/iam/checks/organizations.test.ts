import { checkTable } from '../../check-table';
import { policy } from '../policies';

/** SCP and RCP syntax rules (AWS Organizations' syntax pages; Access Analyzer's codes). Files named *.scp.json and *.rcp.json. */
const rcp = 'guard.rcp.json';
const scp = 'guard.scp.json';
const secureTransport = '{"Sid": "EnforceSecureTransport", "Effect": "Deny", "Principal": "*", "Action": ["s3:*", "sqs:*", "kms:*", "secretsmanager:*", "sts:*"], "Resource": "*", "Condition": {"BoolIfExists": {"aws:SecureTransport": "false"}}}';
const fullAccess = '{"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"}';

checkTable('SCP_SYNTAX_ERROR_PRINCIPAL', {
  valid: [
    { name: 'an SCP with conditions on Allow, NotAction and wildcards mid-action (full IAM language since September 2025)', fileName: scp, text: policy('{"Effect": "Allow", "NotAction": "iam:*User*", "Resource": "*", "Condition": {"StringEquals": {"aws:RequestedRegion": "eu-west-1"}}}') },
    { name: 'Principal in a bucket policy', fileName: 'bucket.resource.json', text: policy('{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}') },
  ],
  invalid: [
    {
      name: 'Principal and NotPrincipal',
      fileName: scp,
      text: policy('{"Effect": "Deny", "Principal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": "*", "Resource": "*"}', '{"Effect": "Deny", "NotPrincipal": {"AWS": "arn:aws:iam::123456789012:role/Admin"}, "Action": "*", "Resource": "*"}'),
      findings: [
        { at: '"Principal"', message: 'SCPs do not support "Principal": remove it, and test aws:PrincipalArn in a Condition to single out principals.' },
        { at: '"NotPrincipal"' },
      ],
    },
  ],
});

checkTable('RCP_SYNTAX_ERROR_PRINCIPAL', {
  valid: [
    { name: 'AWS example: enforce secure transport', fileName: rcp, text: policy(secureTransport) },
    { name: '{"AWS": "*"} means the same', fileName: rcp, text: policy('{"Effect": "Deny", "Principal": {"AWS": "*"}, "Action": "s3:*", "Resource": "*"}') },
  ],
  invalid: [
    { name: 'a named principal', fileName: rcp, text: policy('{"Effect": "Deny", "Principal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": "s3:*", "Resource": "*"}'), findings: [{ at: '{"AWS": "arn:aws:iam::123456789012:root"}', message: /only take "Principal": "\*"/ }] },
    { name: 'NotPrincipal', fileName: rcp, text: policy('{"Effect": "Deny", "NotPrincipal": {"AWS": "123456789012"}, "Action": "s3:*", "Resource": "*"}'), findings: [{ at: '"NotPrincipal"' }] },
  ],
});

checkTable('RCP_SYNTAX_ERROR_ALLOW', {
  valid: [{ name: 'AWS managed RCPFullAWSAccess', fileName: rcp, text: policy(fullAccess) }],
  invalid: [
    {
      name: 'an Allow narrowed by resource and condition',
      fileName: rcp,
      text: policy('{"Effect": "Allow", "Principal": "*", "Action": "s3:*", "Resource": ["*", "arn:aws:s3:::b/*"], "Condition": {"Bool": {"aws:SecureTransport": "true"}}}'),
      findings: [{ at: '"arn:aws:s3:::b/*"', message: /restrict with "Effect": "Deny"/ }, { at: '"Condition"' }],
    },
  ],
});

checkTable('RCP_SYNTAX_ERROR_NOTACTION', {
  valid: [{ name: 'Action', fileName: rcp, text: policy(secureTransport) }],
  invalid: [{ name: 'NotAction', fileName: rcp, text: policy('{"Effect": "Deny", "Principal": "*", "NotAction": "s3:GetObject", "Resource": "*"}'), findings: [{ at: '"NotAction"', message: 'RCPs do not support "NotAction": list the actions in "Action".' }] }],
});

checkTable('RCP_SYNTAX_ERROR_ACTION', {
  valid: [
    { name: 'RCPFullAWSAccess allows "*"', fileName: rcp, text: policy(fullAccess) },
    { name: '"*" in an SCP', fileName: scp, text: policy('{"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"StringNotEquals": {"aws:RequestedRegion": "eu-west-1"}}}') },
  ],
  invalid: [{ name: '"*" in a Deny', fileName: rcp, text: policy('{"Effect": "Deny", "Principal": "*", "Action": ["*"], "Resource": "*"}'), findings: [{ at: '"*"', occurrence: 1, message: /name the services it restricts/ }] }],
});

checkTable('iam.rcp-unsupported-service', {
  valid: [{ name: 'services RCPs apply to', fileName: rcp, text: policy(secureTransport) }],
  invalid: [
    {
      name: 'EC2 is not one of them',
      fileName: rcp,
      text: policy('{"Effect": "Deny", "Principal": "*", "Action": ["s3:PutObject", "ec2:RunInstances"], "Resource": "*"}'),
      findings: [{ at: 'ec2', message: 'RCPs do not apply to ec2 (it is not in AWS\'s list of services that support RCPs): this statement restricts nothing for it.' }],
    },
  ],
});

checkTable('POLICY_SIZE_EXCEEDS_RCP_QUOTA', {
  valid: [{ name: 'a small RCP', fileName: rcp, text: policy(secureTransport) }],
  invalid: [{ name: 'a large RCP', fileName: rcp, text: policy(...Array.from({ length: 40 }, () => secureTransport)), findings: [{ at: '"Statement"', message: /resource control policy quota is 5,120/ }] }],
});
