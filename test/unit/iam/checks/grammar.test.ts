import { checkTable } from '../../check-table';
import { escaped, policy, policyString } from '../policies';

const allowLogs = '{"Effect": "Allow", "Action": "logs:PutLogEvents", "Resource": "*"}';

checkTable('MISSING_VERSION', {
  valid: [{ name: 'a versioned policy', text: policy(allowLogs) }],
  invalid: [
    {
      name: 'no Version',
      text: `{"Statement": [${allowLogs}]}`,
      findings: [{ at: '{', occurrence: 0, message: /Add "Version": "2012-10-17"/, fixes: ['Add "Version": "2012-10-17"'] }],
    },
  ],
});

checkTable('INVALID_VERSION', {
  valid: [{ name: '2008-10-17 is a version', text: `{"Version": "2008-10-17", "Statement": [${allowLogs}]}` }],
  invalid: [
    { name: 'a date that is no version', text: `{"Version": "2012-10-18", "Statement": [${allowLogs}]}`, findings: [{ at: '"2012-10-18"', fixes: ['Use "2012-10-17"'] }] },
  ],
});

checkTable('iam.outdated-version', {
  valid: [{ name: 'current version', text: policy(allowLogs) }],
  invalid: [{ name: '2008-10-17', text: `{"Version": "2008-10-17", "Statement": [${allowLogs}]}`, findings: [{ at: '"2008-10-17"', message: /policy variables/ }] }],
});

checkTable('MISSING_STATEMENT', {
  valid: [{ name: 'has statements', text: policy(allowLogs) }],
  invalid: [{ name: 'Version only', text: '{"Version": "2012-10-17"}', findings: [{ at: '{', message: /Add a "Statement" element/ }] }],
});

checkTable('INVALID_POLICY_ELEMENT', {
  valid: [{ name: 'Id and every statement element', text: `{"Version": "2012-10-17", "Id": "x", "Statement": [{"Sid": "A", "Effect": "Deny", "NotAction": "s3:GetObject", "NotResource": "*", "Condition": {}}]}` }],
  invalid: [
    {
      name: 'wrong case and unknown names',
      text: policy('{"effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Resources": "*"}'),
      findings: [
        { at: '"effect"', message: 'Element names are case-sensitive: "effect" should be "Effect".', fixes: ['Rename to "Effect"'] },
        { at: '"Resources"', message: /"Resources" is not an element of a statement/ },
      ],
    },
    { name: 'a top-level Condition', text: `{"Version": "2012-10-17", "Statement": [${allowLogs}], "Condition": {}}`, findings: [{ at: '"Condition"', message: /not an element of a policy/ }] },
  ],
});

checkTable('DATA_TYPE_MISMATCH', {
  valid: [
    { name: 'strings and arrays', text: policy('{"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": true}}}') },
    {
      name: 'CloudFormation intrinsic functions as values',
      text: JSON.stringify({
        Resources: {
          P: {
            Type: 'AWS::IAM::ManagedPolicy',
            Properties: {
              PolicyDocument: {
                Version: '2012-10-17',
                Statement: [
                  { Effect: 'Allow', Action: 's3:GetObject', Resource: [{ 'Fn::Sub': 'arn:${AWS::Partition}:s3:::${Bucket}/*' }, { 'Fn::GetAtt': ['B', 'Arn'] }] },
                  { Effect: 'Allow', Action: { 'Fn::If': ['C', 's3:PutObject', { Ref: 'AWS::NoValue' }] }, Resource: { 'Fn::Join': ['', ['arn:aws:s3:::', { Ref: 'B' }]] } },
                  { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*', Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } } },
                ],
              },
            },
          },
        },
      }),
    },
  ],
  invalid: [
    {
      name: 'numbers and objects where strings go',
      text: policy('{"Effect": 1, "Action": [{"a": 1}], "Resource": "*", "Principal": "arn:aws:iam::123456789012:root"}'),
      findings: [
        { at: '1', occurrence: 3, message: 'Effect must be a string, not a number.' },
        { at: '{"a": 1}', message: 'Action must be a string or an array of strings, not an object.' },
        { at: '"arn:aws:iam::123456789012:root"', message: /Principal as a string must be "\*"/ },
      ],
    },
    { name: 'Statement as a string', text: '{"Version": "2012-10-17", "Statement": "x"}', findings: [{ at: '"x"', message: 'Statement must be a statement object or an array of them, not a string.' }] },
  ],
});

checkTable('MISSING_EFFECT', {
  valid: [{ name: 'has Effect', text: policy(allowLogs) }],
  invalid: [{ name: 'no Effect', text: policy('{"Action": "s3:GetObject", "Resource": "*"}'), findings: [{ at: '{', occurrence: 1 }] }],
});

checkTable('INVALID_EFFECT', {
  valid: [{ name: 'Deny', text: policy('{"Effect": "Deny", "Action": "s3:GetObject", "Resource": "*"}') }],
  invalid: [
    { name: 'lower case', text: policy('{"Effect": "allow", "Action": "s3:GetObject", "Resource": "*"}'), findings: [{ at: '"allow"', fixes: ['Use "Allow"'] }] },
    { name: 'neither', text: policy('{"Effect": "Permit", "Action": "s3:GetObject", "Resource": "*"}'), findings: [{ at: '"Permit"', fixes: [] }] },
  ],
});

checkTable('UNSUPPORTED_ELEMENT_COMBINATION', {
  valid: [{ name: 'NotAction alone', text: policy('{"Effect": "Deny", "NotAction": "iam:*", "Resource": "*"}') }],
  invalid: [
    {
      name: 'Action with NotAction, Resource with NotResource',
      text: policy('{"Effect": "Deny", "Action": "s3:*", "NotAction": "iam:*", "Resource": "*", "NotResource": "*"}'),
      findings: [{ at: '"NotAction"' }, { at: '"NotResource"' }],
    },
  ],
});

checkTable('MISSING_ACTION', {
  valid: [{ name: 'NotAction counts', text: policy('{"Effect": "Deny", "NotAction": "iam:*", "Resource": "*"}') }],
  invalid: [{ name: 'neither', text: policy('{"Effect": "Allow", "Resource": "*"}'), findings: [{ at: '{', occurrence: 1 }] }],
});

checkTable('MISSING_RESOURCE', {
  valid: [
    { name: 'trust policy', text: policy('{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}') },
    { name: 'NotResource counts', text: policy('{"Effect": "Deny", "Action": "s3:*", "NotResource": "arn:aws:s3:::b/*"}') },
  ],
  invalid: [{ name: 'identity policy without Resource', text: policy('{"Effect": "Allow", "Action": "s3:GetObject"}'), findings: [{ at: '{', occurrence: 1, message: /identity-based policies need one/ }] }],
});

checkTable('MISSING_PRINCIPAL', {
  valid: [{ name: 'identity policy', text: policy(allowLogs) }],
  invalid: [
    {
      name: 'one statement of a bucket policy without Principal',
      text: policy('{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}', '{"Effect": "Deny", "Action": "s3:*", "Resource": "arn:aws:s3:::b/*"}'),
      findings: [{ at: '{', occurrence: 2, message: /resource-based policy needs one/ }],
    },
    { name: 'a file named as a resource policy', fileName: 'bucket.resource.json', text: policy(allowLogs), findings: [{ at: '{', occurrence: 1 }] },
  ],
});

checkTable('UNSUPPORTED_PRINCIPAL', {
  valid: [{ name: 'a bucket policy (told by content)', text: policy('{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}') }],
  invalid: [
    {
      name: 'Principal in a policy named as identity-based',
      fileName: 'app.identity.json',
      text: policy('{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*"}'),
      findings: [{ at: '"Principal"', message: '"Principal" is not supported in identity-based policies: remove it.' }],
    },
    {
      name: 'Principal in get-policy-version output',
      text: JSON.stringify({ PolicyVersion: { Document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' }] } } }),
      findings: [{ at: '"Principal"' }],
    },
  ],
});

checkTable('UNIQUE_SIDS_REQUIRED', {
  valid: [{ name: 'repeated Sid in an identity policy is only a warning', text: policy(`{"Sid": "A", ${allowLogs.slice(1)}`, `{"Sid": "A", ${allowLogs.slice(1)}`) }],
  invalid: [
    {
      name: 'repeated Sid in a bucket policy',
      text: policy('{"Sid": "Read", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}', '{"Sid": "Read", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::c/*"}'),
      findings: [{ at: '"Read"', occurrence: 1, message: 'Sid "Read" is already used by an earlier statement; Sids must be unique.' }],
    },
  ],
});

checkTable('UNIQUE_SIDS_RECOMMENDED', {
  valid: [{ name: 'distinct Sids', text: policy(`{"Sid": "A", ${allowLogs.slice(1)}`, `{"Sid": "B", ${allowLogs.slice(1)}`) }],
  invalid: [{ name: 'repeated Sid', text: policy(`{"Sid": "A", ${allowLogs.slice(1)}`, `{"Sid": "A", ${allowLogs.slice(1)}`), findings: [{ at: '"A"', occurrence: 1 }] }],
});

checkTable('UNSUPPORTED_SID', {
  valid: [
    { name: 'letters and digits', text: policy(`{"Sid": "AllowLogs2", ${allowLogs.slice(1)}`) },
    { name: 'spaces are fine in a bucket policy', text: policy('{"Sid": "Public read", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}') },
  ],
  invalid: [{ name: 'dashes in an identity policy', text: policy(`{"Sid": "allow-logs", ${allowLogs.slice(1)}`), findings: [{ at: '"allow-logs"', fixes: ['Use "allowlogs"'] }] }],
});

checkTable('JSON_SYNTAX_ERROR', {
  valid: [{ name: 'a valid embedded policy', text: policyString(policy(allowLogs)) }],
  invalid: [
    {
      name: 'a missing comma inside the string',
      text: policyString('{"Version": "2012-10-17" "Statement": []}'),
      findings: [{ at: escaped('"Statement"'), message: /not valid JSON \(CommaExpected\)/ }],
    },
  ],
});

const bucketPolicy = (principal: string) => policy(`{"Effect": "Allow", "Principal": ${principal}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}`);

checkTable('INVALID_PRINCIPAL_KEY', {
  valid: [{ name: 'the four kinds', text: bucketPolicy('{"AWS": "123456789012", "Service": "cloudfront.amazonaws.com", "Federated": "cognito-identity.amazonaws.com", "CanonicalUser": "79a59df900b949e55d96a1e698fbaced"}') }],
  invalid: [
    { name: 'wrong case', text: bucketPolicy('{"aws": "123456789012"}'), findings: [{ at: '"aws"', message: /keys are case-sensitive: "AWS"/, fixes: ['Rename to "AWS"'] }] },
    { name: 'an unknown kind', text: bucketPolicy('{"User": "alice"}'), findings: [{ at: '"User"' }] },
  ],
});

checkTable('INVALID_PRINCIPAL_FORMAT', {
  valid: [
    {
      name: 'account ids, ARNs, unique ids of deleted roles, a CloudFront OAI',
      text: bucketPolicy('{"AWS": ["111122223333", "arn:aws:iam::111122223333:role/r", "AROA1234567890EXAMPLE", "arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity E1EXAMPLE", "*"]}'),
    },
  ],
  invalid: [
    { name: 'an account id with 11 digits', text: bucketPolicy('{"AWS": "11112222333"}'), findings: [{ at: '"11112222333"', message: /it has 11 digits; account ids have 12/ }] },
    { name: 'a user name', text: bucketPolicy('{"AWS": "alice"}'), findings: [{ at: '"alice"' }] },
  ],
});

checkTable('UNSUPPORTED_WILDCARD_IN_PRINCIPAL', {
  valid: [{ name: 'everyone', text: bucketPolicy('{"AWS": "*"}') }],
  invalid: [{ name: 'a wildcard in a role ARN', text: bucketPolicy('{"AWS": "arn:aws:iam::111122223333:role/app-*"}'), findings: [{ at: '"arn:aws:iam::111122223333:role/app-*"', message: /Use "\*" with a condition such as aws:PrincipalArn/ }] }],
});
