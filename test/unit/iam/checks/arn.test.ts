import { checkTable } from '../../check-table';
import { policy, yamlTemplate } from '../policies';

const withResource = (resource: string) => policy(`{"Effect": "Allow", "Action": "s3:GetObject", "Resource": ${resource}}`);
const iamResource = (resource: string) => policy(`{"Effect": "Allow", "Action": "iam:GetRole", "Resource": ${resource}}`);

checkTable('INVALID_ARN_PREFIX', {
  valid: [{ name: 'ARNs and *', text: withResource('["*", "arn:aws:s3:::b/*"]') }],
  invalid: [
    { name: 'a bucket name', text: withResource('"my-bucket/*"'), findings: [{ at: '"my-bucket/*"', message: '"my-bucket/*" is not an ARN: resources must be "*" or start with "arn:".', fixes: [] }] },
    { name: 'an ARN without arn:', text: withResource('"aws:s3:::b/*"'), findings: [{ at: '"aws:s3:::b/*"', fixes: ['Add the "arn:" prefix'] }] },
  ],
});

checkTable('MISSING_ARN_FIELD', {
  valid: [
    { name: 'six fields', text: withResource('"arn:aws:s3:::b/*"') },
    { name: 'a trailing wildcard stands for the rest', text: withResource('"arn:aws:s3:*"') },
  ],
  invalid: [{ name: 'region and account left out', text: withResource('"arn:aws:s3:b/*"'), findings: [{ at: '"arn:aws:s3:b/*"', message: /has 4 of the 6 ARN fields/ }] }],
});

checkTable('INVALID_PARTITION', {
  valid: [{ name: 'aws-cn and a wildcard', text: withResource('["arn:aws-cn:s3:::b/*", "arn:*:s3:::b/*"]') }],
  invalid: [{ name: 'amazon', text: withResource('"arn:amazon:s3:::b/*"'), findings: [{ at: 'amazon', message: /"amazon" is not an AWS partition/ }] }],
});

checkTable('INVALID_SERVICE', {
  valid: [
    { name: 'services by prefix, a wildcard and a variable', text: withResource('["arn:aws:s3:::b/*", "arn:aws:*:*:*:*", "arn:aws:${aws:PrincipalTag/svc}:::x"]') },
    { name: 'an ARN service that is not an IAM prefix (Service Catalog writes catalog)', text: withResource('"arn:aws:catalog:us-east-1:123456789012:portfolio/port-1"') },
    { name: 'capitals (INVALID_ARN_SERVICE_CASE reports them)', text: withResource('"arn:aws:S3:::b/*"') },
    { name: 'YAML: a known service', fileName: 'template.yaml', text: yamlTemplate('Effect: Allow', 'Action: s3:GetObject', 'Resource: arn:aws:s3:::b/*') },
  ],
  invalid: [
    { name: 'a typo', text: withResource('"arn:aws:s4:::b/*"'), findings: [{ at: 's4', message: 'No AWS service writes "s4" in its ARNs, so this resource matches nothing. Did you mean "s3"?', fixes: ['Change to "s3"'] }] },
    { name: 'no service', text: withResource('"arn:aws::us-east-1:123456789012:x"'), findings: [{ at: '"arn:aws::us-east-1:123456789012:x"', message: /has no service/ }] },
    { name: 'YAML: an unknown service in the ARN', fileName: 'template.yaml', text: yamlTemplate('Effect: Allow', 'Action: s3:GetObject', 'Resource: arn:aws:storage:::b/*'), findings: [{ at: 'storage', message: /^No AWS service writes "storage" in its ARNs/ }] },
  ],
});

checkTable('INVALID_ARN_SERVICE_CASE', {
  valid: [{ name: 'lower case', text: withResource('"arn:aws:s3:::b/*"') }],
  invalid: [{ name: 'S3', text: withResource('"arn:aws:S3:::b/*"'), findings: [{ at: 'S3', fixes: ['Use "s3"'] }] }],
});

checkTable('INVALID_REGION', {
  valid: [{ name: 'regions, empty and wildcards', text: policy('{"Effect": "Allow", "Action": "logs:PutLogEvents", "Resource": ["arn:aws:logs:us-gov-west-1:123456789012:log-group:g:*", "arn:aws:logs:*:123456789012:*", "arn:aws:logs:${aws:RequestedRegion}:123456789012:*"]}') }],
  invalid: [{ name: 'a zone, not a region', text: policy('{"Effect": "Allow", "Action": "logs:PutLogEvents", "Resource": "arn:aws:logs:us-east-1a:123456789012:log-group:g:*"}'), findings: [{ at: 'us-east-1a' }] }],
});

checkTable('INVALID_ARN_ACCOUNT', {
  valid: [{ name: '12 digits, aws, empty and wildcards', text: iamResource('["arn:aws:iam::123456789012:role/r", "arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::*:role/r", "arn:aws:iam::${aws:PrincipalAccount}:role/r"]') }],
  invalid: [{ name: 'eleven digits', text: iamResource('"arn:aws:iam::12345678901:role/r"'), findings: [{ at: '12345678901', message: /use 12 digits \(it has 11 digits\)/ }] }],
});

checkTable('ARN_REGION_NOT_ALLOWED', {
  valid: [{ name: 'IAM without a region', text: iamResource('"arn:aws:iam::123456789012:role/r"') }],
  invalid: [{ name: 'IAM with a region', text: iamResource('"arn:aws:iam:us-east-1:123456789012:role/r"'), findings: [{ at: 'us-east-1', message: /resource ARNs have no region/ }] }],
});

checkTable('ARN_ACCOUNT_NOT_ALLOWED', {
  valid: [{ name: 'a Route 53 zone', text: policy('{"Effect": "Allow", "Action": "route53:GetHostedZone", "Resource": "arn:aws:route53:::hostedzone/Z1"}') }],
  invalid: [
    {
      name: 'a Route 53 zone with an account',
      text: policy('{"Effect": "Allow", "Action": "route53:GetHostedZone", "Resource": "arn:aws:route53:::hostedzone/Z1"}, {"Effect": "Allow", "Action": "route53:GetHostedZone", "Resource": "arn:aws:route53::123456789012:hostedzone/Z1"}'),
      findings: [{ at: '123456789012', message: /resource ARNs have no account id/ }],
    },
  ],
});

checkTable('MISSING_ARN_REGION', {
  valid: [
    { name: 'a Lambda function with its region', text: policy('{"Effect": "Allow", "Action": "lambda:InvokeFunction", "Resource": "arn:aws:lambda:*:123456789012:function:f"}') },
    { name: 'S3 buckets have no region', text: withResource('"arn:aws:s3:::b/*"') },
  ],
  invalid: [
    {
      name: 'a log group without its region (as in an AWS managed policy)',
      text: policy('{"Effect": "Allow", "Action": "logs:CreateLogGroup", "Resource": "arn:aws:logs:::log-group:app*"}'),
      findings: [{ at: '::', occurrence: 0, message: 'Amazon CloudWatch Logs resource ARNs name their region: put one (or "*") between the colons.' }],
    },
  ],
});
