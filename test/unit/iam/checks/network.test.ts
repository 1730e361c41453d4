import { checkTable } from '../../check-table';
import { policy, yamlTemplate } from '../policies';

/** Source addresses and VPCs: aws:SourceIp holds public addresses only; private ones mean something only with their VPC. */
const withCondition = (condition: string, effect = 'Allow') => policy(`{"Effect": "${effect}", "Action": "s3:GetObject", "Resource": "*", "Condition": ${condition}}`);

checkTable('PRIVATE_IP_ADDRESS', {
  valid: [
    { name: 'public ranges (AWS example)', text: withCondition('{"IpAddress": {"aws:SourceIp": ["192.0.2.0/24", "203.0.113.0/24"]}}') },
    { name: 'private ranges on aws:VpcSourceIp', text: withCondition('{"IpAddress": {"aws:VpcSourceIp": "10.0.0.0/16"}, "StringEquals": {"aws:SourceVpc": "vpc-1a2b3c4d"}}') },
    { name: 'a range wider than a private block is public', text: withCondition('{"IpAddress": {"aws:SourceIp": "8.0.0.0/5"}}') },
    { name: 'a mix (PRIVATE_IP_ADDRESS_SUBSET reports it)', text: withCondition('{"IpAddress": {"aws:SourceIp": ["10.0.0.0/8", "203.0.113.0/24"]}}') },
  ],
  invalid: [
    {
      name: 'RFC 1918 and IPv6 unique local ranges only',
      text: withCondition('{"IpAddressIfExists": {"aws:SourceIp": ["10.1.0.0/16", "172.31.255.7", "192.168.0.0/16", "fd12:3456::/48"]}}'),
      findings: [{ at: '["10.1.0.0/16", "172.31.255.7", "192.168.0.0/16", "fd12:3456::/48"]', message: 'aws:SourceIp is a public address, never one of these private ranges: IpAddressIfExists never matches. For requests through a VPC endpoint, use aws:VpcSourceIp.' }],
    },
  ],
});

checkTable('PRIVATE_NOT_IP_ADDRESS', {
  valid: [{ name: 'public ranges (AWS example: deny outside the corporate range)', text: withCondition('{"NotIpAddress": {"aws:SourceIp": ["192.0.2.0/24", "203.0.113.0/24"]}}', 'Deny') }],
  invalid: [{ name: 'a private range', text: withCondition('{"NotIpAddress": {"aws:SourceIp": "10.0.0.0/8"}}', 'Deny'), findings: [{ at: '"10.0.0.0/8"', message: /always matches and excludes nothing/ }] }],
});

checkTable('PRIVATE_IP_ADDRESS_SUBSET', {
  valid: [{ name: 'public only', text: withCondition('{"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}') }],
  invalid: [{ name: 'a private range beside a public one', text: withCondition('{"IpAddress": {"aws:SourceIp": ["203.0.113.0/24", "172.16.0.0/12"]}}'), findings: [{ at: '"172.16.0.0/12"', message: /"172\.16\.0\.0\/12" is private and aws:SourceIp never is: this range never matches/ }] }],
});

checkTable('PRIVATE_NOT_IP_ADDRESS_SUBSET', {
  valid: [{ name: 'private only (PRIVATE_NOT_IP_ADDRESS reports it)', text: withCondition('{"NotIpAddress": {"aws:SourceIp": "10.0.0.0/8"}}', 'Deny') }],
  invalid: [{ name: 'a private range beside a public one', text: withCondition('{"NotIpAddress": {"aws:SourceIp": ["203.0.113.0/24", "192.168.1.0/24"]}}', 'Deny'), findings: [{ at: '"192.168.1.0/24"', message: /excluding it has no effect/ }] }],
});

checkTable('IMPROVE_IP_RANGE', {
  valid: [{ name: 'network addresses and single addresses', text: withCondition('{"IpAddress": {"aws:SourceIp": ["203.0.113.0/24", "198.51.100.7", "2001:db8::/32"]}}') }],
  invalid: [
    {
      name: 'host bits after the prefix (IPv4 and IPv6)',
      text: withCondition('{"NotIpAddress": {"aws:SourceIp": ["203.0.113.7/24", "2001:db8:0:0:1::5/64"]}}', 'Deny'),
      findings: [
        { at: '"203.0.113.7/24"', message: 'The bits after /24 are ignored: "203.0.113.7/24" means "203.0.113.0/24". Write "203.0.113.0/24".', fixes: ['Change to "203.0.113.0/24"'] },
        { at: '"2001:db8:0:0:1::5/64"', fixes: ['Change to "2001:db8::/64"'] },
      ],
    },
  ],
});

checkTable('MISSING_PAIRED_CONDITION_KEYS', {
  valid: [
    { name: 'aws:VpcSourceIp with aws:SourceVpc (Access Analyzer\'s advice)', text: withCondition('{"IpAddress": {"aws:VpcSourceIp": "10.0.0.0/16"}, "StringEquals": {"aws:SourceVpc": "vpc-1a2b3c4d"}}') },
    { name: 'aws:VpcSourceIp with a VPC endpoint', text: withCondition('{"IpAddress": {"aws:VpcSourceIp": "10.0.0.0/16"}, "StringEquals": {"aws:SourceVpce": "vpce-1a2b3c4d"}}') },
    {
      name: 'AWS example: Ec2InstanceSourcePrivateIPv4 and Ec2InstanceSourceVpc in separate Deny statements',
      text: policy(
        '{"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"StringNotEquals": {"aws:Ec2InstanceSourceVpc": "${aws:SourceVpc}"}, "Null": {"ec2:SourceInstanceARN": "false"}}}',
        '{"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"StringNotEquals": {"aws:Ec2InstanceSourcePrivateIPv4": "${aws:VpcSourceIp}"}, "Null": {"ec2:SourceInstanceARN": "false"}}}',
      ),
    },
    { name: 'a presence test', text: withCondition('{"Null": {"aws:VpcSourceIp": "false"}}') },
  ],
  invalid: [
    {
      name: 'aws:VpcSourceIp alone in an Allow',
      text: withCondition('{"IpAddress": {"aws:VpcSourceIp": "10.0.0.0/16"}}'),
      findings: [{ at: '"aws:VpcSourceIp"', message: 'aws:VpcSourceIp can be overly permissive alone: private addresses repeat across VPCs. Also test aws:SourceVpc or aws:SourceVpce or aws:SourceVpcArn in the same statement.' }],
    },
    {
      name: 'the companion in another Allow statement does not count',
      text: policy('{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"IpAddress": {"aws:Ec2InstanceSourcePrivateIPv4": "10.0.0.5"}}}', '{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*", "Condition": {"StringEquals": {"aws:Ec2InstanceSourceVpc": "vpc-1a2b3c4d"}}}'),
      findings: [{ at: '"aws:Ec2InstanceSourcePrivateIPv4"', message: /Also test aws:Ec2InstanceSourceVpc in the same statement/ }],
    },
    { name: 'alone in a Deny policy', text: withCondition('{"NotIpAddress": {"aws:VpcSourceIp": "10.0.0.0/16"}}', 'Deny'), findings: [{ at: '"aws:VpcSourceIp"', message: /in a Deny statement of this policy/ }] },
  ],
});

const trust = (service: string) => policy(`{"Effect": "Allow", "Principal": {"Service": ${service}}, "Action": "sts:AssumeRole"}`);

checkTable('INVALID_SERVICE_PRINCIPAL_FORMAT', {
  valid: [
    { name: 'service principals in every partition (AWS examples)', text: trust('["lambda.amazonaws.com", "application-autoscaling.amazonaws.com.cn", "replication.dynamodb.amazonaws.com", "alexa-appkit.amazon.com"]') },
    { name: 'condition keys naming services (AWS managed policies)', text: withCondition('{"StringEquals": {"iam:PassedToService": "lambda.amazonaws.com", "kms:ViaService": "s3.us-east-1.amazonaws.com"}, "StringLike": {"kms:ViaService": "ec2.*.amazonaws.com"}}') },
    { name: 'an intrinsic function', text: trust('{"Fn::Sub": "ec2.${AWS::URLSuffix}"}') },
    { name: 'aws:CalledVia with service principals and a wildcard (AWS example)', text: withCondition('{"ForAnyValue:StringEquals": {"aws:CalledVia": ["athena.amazonaws.com", "cloudformation.amazonaws.com"]}, "StringLike": {"aws:CalledViaFirst": "*.amazonaws.com"}}') },
    { name: 'YAML: aws:CalledViaLast with a service principal', fileName: 'template.yaml', text: yamlTemplate('Effect: Allow', 'Action: s3:GetObject', 'Resource: "*"', 'Condition:', '  StringEquals:', '    aws:CalledViaLast: athena.amazonaws.com') },
  ],
  invalid: [
    { name: 'the service prefix alone', text: trust('"lambda"'), findings: [{ at: '"lambda"', message: '"lambda" is not a service principal: use the format service-name.amazonaws.com (e.g. "lambda.amazonaws.com").', fixes: ['Change to "lambda.amazonaws.com"'] }] },
    { name: 'an ARN and a space', text: trust('["arn:aws:iam::123456789012:role/x", "ec2 .amazonaws.com"]'), findings: [{ at: '"arn:aws:iam::123456789012:role/x"', fixes: [] }, { at: '"ec2 .amazonaws.com"' }] },
    { name: 'kms:ViaService without its Region (AWS KMS format)', text: withCondition('{"StringEquals": {"kms:ViaService": "s3.amazonaws.com"}}'), findings: [{ at: '"s3.amazonaws.com"', message: /service-name\.region\.amazonaws\.com/ }] },
    { name: 'iam:PassedToService given a prefix', text: withCondition('{"StringEquals": {"iam:PassedToService": "ecs-tasks"}}'), findings: [{ at: '"ecs-tasks"', fixes: ['Change to "ecs-tasks.amazonaws.com"'] }] },
    {
      name: 'aws:CalledVia, aws:CalledViaFirst and aws:CalledViaLast given prefixes and an ARN',
      text: withCondition('{"ForAnyValue:StringEquals": {"aws:CalledVia": ["athena", "cloudformation.amazonaws.com"]}, "StringEquals": {"aws:CalledViaFirst": "arn:aws:iam::123456789012:role/r", "aws:CalledViaLast": "dynamodb"}}'),
      findings: [{ at: '"athena"', fixes: ['Change to "athena.amazonaws.com"'] }, { at: '"arn:aws:iam::123456789012:role/r"', fixes: [] }, { at: '"dynamodb"', fixes: ['Change to "dynamodb.amazonaws.com"'] }],
    },
    {
      name: 'YAML: aws:CalledVia given a bare service name',
      fileName: 'template.yaml',
      text: yamlTemplate('Effect: Allow', 'Action: s3:GetObject', 'Resource: "*"', 'Condition:', '  ForAnyValue:StringEquals:', '    aws:CalledVia: [athena.amazonaws.com, Athena Service]'),
      findings: [{ at: 'Athena Service', message: '"Athena Service" is not a service principal: use the format service-name.amazonaws.com (e.g. "lambda.amazonaws.com").' }],
    },
  ],
});

checkTable('INVALID_VPC_FORMAT', {
  valid: [
    { name: '8 and 17 characters (Access Analyzer\'s examples)', text: withCondition('{"StringEquals": {"aws:SourceVpc": ["vpc-12345678", "vpc-11223344556677889"]}}', 'Deny') },
    { name: 'a pattern, a variable and a Null test are not ids', text: withCondition('{"StringLike": {"aws:SourceVpc": "vpc-*"}, "StringEquals": {"aws:sourcevpc": "${aws:PrincipalTag/vpc}"}, "Null": {"aws:SourceVpc": "true"}}') },
    { name: 'YAML: a VPC id', fileName: 'template.yaml', text: yamlTemplate('Effect: Deny', 'Action: s3:*', 'Resource: "*"', 'Condition:', '  StringNotEquals:', '    aws:SourceVpc: vpc-1a2b3c4d') },
  ],
  invalid: [
    { name: 'too short, and an endpoint id in aws:SourceVpc', text: withCondition('{"StringNotEquals": {"aws:SourceVpc": ["vpc-123", "vpce-1a2b3c4d"]}}', 'Deny'), findings: [{ at: '"vpc-123"', message: '"vpc-123" is not an aws:SourceVpc value, so it never matches: use "vpc-" followed by 8 or 17 letters and digits, e.g. "vpc-1a2b3c4d".' }, { at: '"vpce-1a2b3c4d"' }] },
    { name: 'YAML: a VPC name', fileName: 'template.yaml', text: yamlTemplate('Effect: Deny', 'Action: s3:*', 'Resource: "*"', 'Condition:', '  StringNotEquals:', '    aws:SourceVpc: my-vpc'), findings: [{ at: 'my-vpc' }] },
  ],
});

checkTable('INVALID_VPCE_FORMAT', {
  valid: [
    { name: '8 and 17 characters (Access Analyzer\'s examples)', text: withCondition('{"StringEquals": {"aws:SourceVpce": ["vpce-12345678", "vpce-11223344556677889"]}}') },
    { name: 'YAML: a pattern', fileName: 'template.yaml', text: yamlTemplate('Effect: Allow', 'Action: s3:GetObject', 'Resource: "*"', 'Condition:', '  StringLike:', '    aws:SourceVpce: vpce-*') },
  ],
  invalid: [
    { name: 'a VPC id in aws:SourceVpce', text: withCondition('{"StringEquals": {"aws:SourceVpce": "vpc-1a2b3c4d"}}'), findings: [{ at: '"vpc-1a2b3c4d"', message: /^"vpc-1a2b3c4d" is not an aws:SourceVpce value/ }] },
    { name: 'YAML: an endpoint id of 9 characters', fileName: 'template.yaml', text: yamlTemplate('Effect: Allow', 'Action: s3:GetObject', 'Resource: "*"', 'Condition:', '  StringEquals:', '    aws:SourceVpce: vpce-1a2b3c4d5'), findings: [{ at: 'vpce-1a2b3c4d5' }] },
  ],
});
