import { checkTable } from '../../check-table';
import { policy, yamlTemplate } from '../policies';

const withCondition = (condition: string, action = '"s3:GetObject"') => policy(`{"Effect": "Allow", "Action": ${action}, "Resource": "*", "Condition": ${condition}}`);

checkTable('INVALID_CONDITION_OPERATOR', {
  valid: [{ name: 'qualifiers and IfExists', text: withCondition('{"ForAnyValue:StringLikeIfExists": {"aws:TagKeys": "a*"}, "stringequals": {"aws:username": "a"}}') }],
  invalid: [
    { name: 'a typo', text: withCondition('{"StringEqual": {"aws:username": "a"}}'), findings: [{ at: '"StringEqual"', message: '"StringEqual" is not a condition operator. Did you mean "StringEquals"?', fixes: ['Change to "StringEquals"'] }] },
    { name: 'an unknown qualifier', text: withCondition('{"ForEachValue:StringEquals": {"aws:TagKeys": "a"}}'), findings: [{ at: '"ForEachValue:StringEquals"', message: /only qualifiers are ForAllValues: and ForAnyValue:/ }] },
  ],
});

checkTable('NULL_WITH_IF_EXISTS', {
  valid: [{ name: 'Null', text: withCondition('{"Null": {"aws:TokenIssueTime": "true"}}') }],
  invalid: [{ name: 'NullIfExists', text: withCondition('{"NullIfExists": {"aws:TokenIssueTime": "true"}}'), findings: [{ at: '"NullIfExists"', fixes: ['Change to "Null"'] }] }],
});

checkTable('NULL_WITH_QUALIFIER', {
  valid: [{ name: 'Null', text: withCondition('{"Null": {"aws:TagKeys": "false"}}') }],
  invalid: [{ name: 'ForAllValues:Null', text: withCondition('{"ForAllValues:Null": {"aws:TagKeys": "false"}}'), findings: [{ at: '"ForAllValues:Null"' }] }],
});

checkTable('INVALID_CONDITION_KEY_FORMAT', {
  valid: [{ name: 'prefix:name', text: withCondition('{"StringEquals": {"aws:username": "a"}}') }],
  invalid: [{ name: 'no prefix', text: withCondition('{"StringEquals": {"username": "a"}}'), findings: [{ at: '"username"' }] }],
});

checkTable('INVALID_GLOBAL_CONDITION_KEY', {
  valid: [
    { name: 'global keys in any case, tag keys', text: withCondition('{"StringEquals": {"aws:SourceVpce": "vpce-1", "AWS:PRINCIPALORGID": "o-1", "aws:PrincipalTag/team": "a"}}') },
    { name: 'aws:ARN and a tag key without its tag have their own codes', text: withCondition('{"ArnEquals": {"aws:ARN": "arn:aws:iam::123456789012:role/x"}, "StringEquals": {"aws:ResourceTag/": "a"}}') },
  ],
  invalid: [
    { name: 'a typo', text: withCondition('{"IpAddress": {"aws:SourceIP4": "10.0.0.0/8"}}'), findings: [{ at: '"aws:SourceIP4"', message: '"aws:SourceIP4" is not a global condition key. Did you mean "aws:SourceIp"?', fixes: ['Change to "aws:SourceIp"'] }] },
  ],
});

checkTable('INVALID_SERVICE_CONDITION_KEY', {
  valid: [
    { name: 'service keys, templated keys and OIDC claims', text: withCondition('{"StringLike": {"s3:prefix": "home/", "s3:ExistingObjectTag/team": "a", "token.actions.githubusercontent.com:sub": "repo:o/r:*", "oidc.eks.eu-west-1.amazonaws.com/id/ABC:aud": "sts.amazonaws.com"}}', '"s3:ListBucket"') },
    { name: 'a tag key without its tag is MISSING_TAG_KEY_IN_CONDITION', text: withCondition('{"StringEquals": {"ec2:ResourceTag/": "a"}}', '"ec2:StartInstances"') },
  ],
  invalid: [
    { name: 'a typo in an S3 key', text: withCondition('{"StringEquals": {"s3:x-amz-acll": "private"}}', '"s3:PutObject"'), findings: [{ at: '"s3:x-amz-acll"', message: 'Amazon S3 has no condition key "s3:x-amz-acll". Did you mean "s3:x-amz-acl"?' }] },
  ],
});

checkTable('INVALID_SERVICE', {
  valid: [{ name: 'a known service', text: withCondition('{"StringEquals": {"s3:prefix": "a"}}', '"s3:ListBucket"') }],
  invalid: [{ name: 'no such service', text: withCondition('{"StringEquals": {"storage:prefix": "a"}}'), findings: [{ at: 'storage', message: /"storage" is not a service prefix/ }] }],
});

checkTable('DUPLICATE_KEYS_WITH_DIFFERENT_CASE', {
  valid: [{ name: 'one spelling', text: withCondition('{"StringEquals": {"aws:username": ["a", "b"]}}') }],
  invalid: [{ name: 'two spellings', text: withCondition('{"StringEquals": {"aws:username": "a", "aws:UserName": "b"}}'), findings: [{ at: '"aws:UserName"' }] }],
});

checkTable('TYPE_MISMATCH_BOOLEAN', {
  valid: [{ name: 'true, false and a JSON boolean', text: withCondition('{"Bool": {"aws:SecureTransport": ["true", false]}, "Null": {"aws:TokenIssueTime": "False"}}') }],
  invalid: [
    { name: 'yes', text: withCondition('{"Bool": {"aws:SecureTransport": "yes"}}'), findings: [{ at: '"yes"' }] },
    { name: 'Null given something else than true or false (parliament\'s MISMATCHED_TYPE_OPERATION_TO_NULL)', text: withCondition('{"Null": {"aws:TokenIssueTime": "absent"}}'), findings: [{ at: '"absent"', message: 'Null needs a boolean ("true" or "false"); "absent" is not one, so the condition never matches.' }] },
  ],
});

checkTable('TYPE_MISMATCH_NUMBER', {
  valid: [{ name: 'numbers (AWS example: s3:max-keys)', text: withCondition('{"NumericLessThanEquals": {"s3:max-keys": ["10", 3.5]}}', '"s3:ListBucket"') }],
  invalid: [{ name: 'ten', text: withCondition('{"NumericLessThanEquals": {"s3:max-keys": "ten"}}', '"s3:ListBucket"'), findings: [{ at: '"ten"', message: 'NumericLessThanEquals needs a number; "ten" is not one, so the condition never matches.' }] }],
});

checkTable('TYPE_MISMATCH_DATE', {
  valid: [{ name: 'ISO 8601 and epoch (AWS example)', text: withCondition('{"DateGreaterThan": {"aws:CurrentTime": "2020-04-01T00:00:00Z"}, "DateLessThan": {"aws:EpochTime": "1735689600"}}') }],
  invalid: [{ name: 'a US date', text: withCondition('{"DateGreaterThan": {"aws:CurrentTime": "04/01/2020"}}'), findings: [{ at: '"04/01/2020"' }] }],
});

checkTable('TYPE_MISMATCH_IP_RANGE', {
  valid: [{ name: 'IPv4 and IPv6 ranges (AWS example), an IPv4-mapped address', text: withCondition('{"IpAddress": {"aws:SourceIp": ["203.0.113.0/24", "2001:DB8:1234:5678::/64", "::ffff:203.0.113.7"]}}') }],
  invalid: [
    { name: 'a bad octet', text: withCondition('{"NotIpAddress": {"aws:SourceIp": "203.0.113.256/24"}}'), findings: [{ at: '"203.0.113.256/24"' }] },
    { name: 'a five-digit IPv6 group and a prefix too long', text: withCondition('{"IpAddress": {"aws:SourceIp": ["2001:db8:12345::/64", "203.0.113.0/33"]}}'), findings: [{ at: '"2001:db8:12345::/64"' }, { at: '"203.0.113.0/33"', message: 'IpAddress needs an IP address or CIDR range; "203.0.113.0/33" is not one, so the condition never matches.' }] },
  ],
});

checkTable('TYPE_MISMATCH', {
  valid: [
    { name: 'string operators on an IP key (AWS example)', text: withCondition('{"StringNotEquals": {"aws:Ec2InstanceSourcePrivateIPv4": "${aws:VpcSourceIp}"}}') },
    { name: 'YAML: Bool on aws:ViaAWSService', fileName: 'template.yaml', text: yamlTemplate('Effect: Deny', 'Action: "s3:*"', 'Resource: "*"', 'Condition:', '  Bool:', '    aws:ViaAWSService: "false"') },
    { name: 'fitting operators', text: withCondition('{"NumericLessThan": {"aws:MultiFactorAuthAge": "3600"}, "ArnLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/x"}, "StringEquals": {"aws:PrincipalArn": "arn:aws:iam::123456789012:role/x"}}') },
  ],
  invalid: [
    { name: 'numeric on a string key', text: withCondition('{"NumericEquals": {"aws:username": "5"}}'), findings: [{ at: '"NumericEquals"', message: 'NumericEquals does not fit aws:username (type String): use String operators or Arn operators.' }] },
    { name: 'a string operator on a Bool key (Access Analyzer: aws:ViaAWSService)', text: withCondition('{"StringEquals": {"aws:ViaAWSService": "true"}}'), findings: [{ at: '"StringEquals"', message: 'StringEquals does not fit aws:ViaAWSService (type Bool): use Bool operators.' }] },
    { name: 'a string operator on a service\'s multivalued Bool key', text: withCondition('{"ForAnyValue:StringEquals": {"apigateway:Request/ApiKeyRequired": "true"}}', '"apigateway:POST"'), findings: [{ at: '"ForAnyValue:StringEquals"', message: /type ArrayOfBool\): use Bool operators\.$/ }] },
    { name: 'YAML: StringEqualsIfExists on aws:SecureTransport', fileName: 'template.yaml', text: yamlTemplate('Effect: Deny', 'Action: "s3:*"', 'Resource: "*"', 'Condition:', '  StringEqualsIfExists:', '    aws:SecureTransport: "false"'), findings: [{ at: 'StringEqualsIfExists', message: /aws:SecureTransport \(type Bool\): use Bool operators/ }] },
  ],
});

checkTable('STRING_LIKE_OPERATOR_WITH_ARN_CONDITION_KEYS', {
  valid: [
    { name: 'ArnLike', text: withCondition('{"ArnLike": {"aws:SourceArn": "arn:aws:sns:*:*:t"}}') },
    { name: 'StringEquals, an exact match (AWS example: confused deputy)', text: withCondition('{"StringEquals": {"aws:SourceArn": "arn:aws:sns:us-east-1:123456789012:t"}}') },
  ],
  invalid: [
    { name: 'StringLike on aws:SourceArn', text: withCondition('{"StringLike": {"aws:SourceArn": "arn:aws:sns:*:*:t"}}'), findings: [{ at: '"StringLike"', message: 'aws:SourceArn is an ARN: use ArnLike, which matches it field by field; StringLike lets a wildcard run across fields.' }] },
    { name: 'StringNotLikeIfExists on aws:PrincipalArn', text: withCondition('{"StringNotLikeIfExists": {"aws:PrincipalArn": "arn:aws:iam::*:role/admin-*"}}'), findings: [{ at: '"StringNotLikeIfExists"', message: /use ArnNotLike/ }] },
  ],
});

checkTable('FORALLVALUES_WITH_SINGLE_VALUED_KEY', {
  valid: [{ name: 'ForAllValues on aws:TagKeys (AWS example)', text: withCondition('{"ForAllValues:StringEquals": {"aws:TagKeys": ["environment", "cost-center"]}}') }],
  invalid: [{ name: 'ForAllValues on aws:RequestedRegion', text: withCondition('{"ForAllValues:StringEquals": {"aws:RequestedRegion": "eu-west-1"}}'), findings: [{ at: '"ForAllValues:StringEquals"' }] }],
});

checkTable('WILDCARD_WITHOUT_LIKE_OPERATOR', {
  valid: [
    { name: 'StringLike, ArnEquals and ${*}', text: withCondition('{"StringLike": {"aws:username": "a*"}, "ArnEquals": {"aws:SourceArn": "arn:aws:sns:*:*:t"}, "StringEquals": {"aws:userid": "a${*}"}}') },
  ],
  invalid: [{ name: 'StringEquals with *', text: withCondition('{"StringEquals": {"s3:prefix": "home/*"}}', '"s3:ListBucket"'), findings: [{ at: '"home/*"', message: /use StringLike/ }] }],
});

checkTable('iam.condition-key-not-applicable', {
  valid: [
    { name: 'a key of the action (AWS example: s3:prefix on ListBucket)', text: withCondition('{"StringLike": {"s3:prefix": "home/"}}', '"s3:ListBucket"') },
    { name: 'a key of the action\'s resource type (ecs:cluster on UpdateService)', text: withCondition('{"ArnEquals": {"ecs:cluster": "arn:aws:ecs:us-east-1:123456789012:cluster/c"}}', '"ecs:UpdateService"') },
    { name: 'an action the data lists no keys for (AWS data perimeter example)', text: withCondition('{"StringNotLike": {"states:HTTPEndpoint": "https://api.example.com/*"}}', '"states:InvokeHTTPEndpoint"') },
    { name: 'global keys are not judged', text: withCondition('{"Bool": {"aws:SecureTransport": "true"}}') },
    { name: 'SAML claims come with the session, for every action (AWS example)', text: withCondition('{"StringEquals": {"saml:sub_type": "persistent"}}') },
  ],
  invalid: [{ name: 's3:prefix on GetObject', text: withCondition('{"StringLike": {"s3:prefix": "home/"}}'), findings: [{ at: '"s3:prefix"', message: 's3:prefix is not in the request context of s3:GetObject: this condition never matches.' }] }],
});

checkTable('MISSING_QUALIFIER', {
  valid: [
    { name: 'ForAllValues on aws:TagKeys, ForAnyValue on aws:CalledVia (AWS examples)', text: withCondition('{"ForAllValues:StringEquals": {"aws:TagKeys": ["environment"]}, "ForAnyValue:StringEquals": {"aws:CalledVia": "cloudformation.amazonaws.com"}}') },
    { name: 'Null needs no qualifier', text: withCondition('{"Null": {"aws:TagKeys": "false"}}') },
    { name: 'single-valued keys', text: withCondition('{"StringEquals": {"aws:RequestTag/team": "a", "aws:CalledViaFirst": "cloudformation.amazonaws.com"}}') },
    { name: 'YAML: a qualified operator', fileName: 'template.yaml', text: yamlTemplate('Effect: Allow', 'Action: s3:GetObject', 'Resource: "*"', 'Condition:', '  ForAnyValue:StringLike:', '    aws:PrincipalOrgPaths: o-a/r-b/*') },
  ],
  invalid: [
    {
      name: 'StringEquals on aws:TagKeys',
      text: withCondition('{"StringEquals": {"aws:TagKeys": "environment"}}'),
      findings: [{ at: '"aws:TagKeys"', message: 'aws:TagKeys can hold several values in one request: write ForAnyValue:StringEquals (one value matches) or ForAllValues:StringEquals (every value matches).', fixes: ['Change to "ForAnyValue:StringEquals"', 'Change to "ForAllValues:StringEquals"'] }],
    },
    {
      name: 'a shared operator gets no fix; a service key of ArrayOf type',
      text: withCondition('{"StringLike": {"aws:CalledVia": "athena.amazonaws.com", "aws:username": "a"}, "ArnLike": {"events:TargetArn": "arn:aws:lambda:*:123456789012:function:*"}}', '"events:PutTargets"'),
      findings: [{ at: '"aws:CalledVia"', fixes: [] }, { at: '"events:TargetArn"', fixes: ['Change to "ForAnyValue:ArnLike"', 'Change to "ForAllValues:ArnLike"'] }],
    },
    {
      name: 'YAML: StringLike on aws:PrincipalOrgPaths',
      fileName: 'template.yaml',
      text: yamlTemplate('Effect: Allow', 'Action: s3:GetObject', 'Resource: "*"', 'Condition:', '  StringLike:', '    aws:PrincipalOrgPaths: o-a/r-b/*'),
      findings: [{ at: 'aws:PrincipalOrgPaths', fixes: ['Change to "ForAnyValue:StringLike"', 'Change to "ForAllValues:StringLike"'] }],
    },
  ],
});

checkTable('MISSING_TAG_KEY_IN_CONDITION', {
  valid: [
    { name: 'tag keys with their tag (AWS example: owner)', text: withCondition('{"StringEquals": {"aws:ResourceTag/owner": "JaneDoe", "ec2:ResourceTag/team": "a", "s3:ExistingObjectTag/x": "y"}}') },
    { name: 'YAML: aws:RequestTag with its tag', fileName: 'template.yaml', text: yamlTemplate('Effect: Allow', 'Action: ec2:CreateTags', 'Resource: "*"', 'Condition:', '  StringEquals:', '    aws:RequestTag/team: a') },
  ],
  invalid: [
    {
      name: 'global and service tag keys without a tag, reported once each',
      text: withCondition('{"StringEquals": {"aws:ResourceTag/": "a", "aws:PrincipalTag/": "b", "ec2:ResourceTag/": "c"}}'),
      findings: [{ at: '"aws:ResourceTag/"', message: '"aws:ResourceTag/" names no tag: write the tag\'s key after the slash, e.g. "aws:ResourceTag/team".' }, { at: '"aws:PrincipalTag/"' }, { at: '"ec2:ResourceTag/"' }],
    },
    { name: 'YAML: aws:RequestTag/', fileName: 'template.yaml', text: yamlTemplate('Effect: Allow', 'Action: ec2:CreateTags', 'Resource: "*"', 'Condition:', '  StringEquals:', '    aws:RequestTag/: a'), findings: [{ at: 'aws:RequestTag/' }] },
  ],
});

checkTable('UNSUPPORTED_GLOBAL_CONDITION_KEY', {
  valid: [
    { name: 'aws:PrincipalArn and aws:SourceArn', text: withCondition('{"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::123456789012:role/*", "aws:SourceArn": "arn:aws:s3:::b"}}') },
    { name: 'YAML: aws:PrincipalArn', fileName: 'template.yaml', text: yamlTemplate('Effect: Allow', 'Action: s3:GetObject', 'Resource: "*"', 'Condition:', '  ArnEquals:', '    aws:PrincipalArn: arn:aws:iam::123456789012:role/app') },
  ],
  invalid: [
    { name: 'aws:ARN in any case', text: withCondition('{"ArnEquals": {"aws:ARN": "arn:aws:iam::123456789012:role/x"}, "ArnLike": {"AWS:arn": "arn:aws:iam::*:role/*"}}'), findings: [{ at: '"aws:ARN"', message: '"aws:ARN" is not a supported condition key and is never in a request: use aws:PrincipalArn for the caller\'s ARN, or aws:SourceArn for the resource that makes a service-to-service request.' }, { at: '"AWS:arn"' }] },
    { name: 'YAML: aws:ARN', fileName: 'template.yaml', text: yamlTemplate('Effect: Allow', 'Action: s3:GetObject', 'Resource: "*"', 'Condition:', '  ArnEquals:', '    aws:ARN: arn:aws:iam::123456789012:role/app'), findings: [{ at: 'aws:ARN' }] },
  ],
});
