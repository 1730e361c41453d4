import { checkTable } from '../../check-table';
import { policy, yamlTemplate } from '../policies';

checkTable('iam.resource-mismatch', {
  valid: [
    { name: 'objects for GetObject, a bucket for ListBucket (AWS example)', text: policy('{"Effect": "Allow", "Action": ["s3:ListBucket", "s3:GetObject"], "Resource": ["arn:aws:s3:::b", "arn:aws:s3:::b/*"]}') },
    { name: 'a wildcard action with one fitting resource', text: policy('{"Effect": "Allow", "Action": "s3:Get*", "Resource": "arn:aws:s3:::b/*"}') },
    { name: 'an ARN of a type the reference lacks proves nothing (SAM transform for CreateChangeSet)', text: policy('{"Effect": "Allow", "Action": "cloudformation:CreateChangeSet", "Resource": "arn:aws:cloudformation:us-east-1:aws:transform/Serverless-2016-10-31"}') },
    { name: 'a resource type with two ARN forms (API Gateway stages)', text: policy('{"Effect": "Allow", "Action": "apigateway:SetWebACL", "Resource": "arn:aws:apigateway:*::/restapis/*/stages/*"}') },
    { name: 'a policy variable in the ARN', text: policy('{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/${aws:username}/*"}') },
    { name: 'an EC2 instance for RunInstances (parliament\'s valid case)', text: policy('{"Effect": "Allow", "Action": "ec2:RunInstances", "Resource": ["arn:aws:ec2:*:123456789012:instance/*"]}') },
    { name: 'ARNs whose type cannot be judged: all wildcard, open service, Service Catalog\'s "catalog"', text: policy('{"Effect": "Allow", "Action": "servicecatalog:DescribePortfolio", "Resource": ["arn:aws:ec2:*:*:*", "arn:aws:*:*:*:thing/x", "arn:aws:catalog:us-east-1:123456789012:portfolio/port-1"]}') },
    { name: 'YAML: a table and its streams', fileName: 'template.yaml', text: yamlTemplate('Effect: Allow', 'Action: [dynamodb:GetItem, dynamodb:DescribeStream]', 'Resource: [arn:aws:dynamodb:us-east-1:123456789012:table/t, arn:aws:dynamodb:us-east-1:123456789012:table/t/stream/*]') },
  ],
  invalid: [
    {
      name: 'GetObject on a bucket ARN',
      text: policy('{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b"}'),
      findings: [{ at: '"s3:GetObject"', message: /^s3:GetObject works on .*object arn:\$\{Partition\}:s3:::\$\{BucketName\}\/\$\{ObjectName\}; none of the statement's resources is of these types\.$/ }],
    },
    {
      name: 'InvokeFunction on a layer ARN',
      text: policy('{"Effect": "Allow", "Action": "lambda:InvokeFunction", "Resource": "arn:aws:lambda:us-east-1:123456789012:layer:my-layer"}'),
      findings: [{ at: '"lambda:InvokeFunction"', message: /^lambda:InvokeFunction works on function \(required\) arn:\$\{Partition\}:lambda:\$\{Region\}:\$\{Account\}:function:\$\{FunctionName\}/ }],
    },
    {
      name: 'a wildcard-only action on a specific ARN',
      text: policy('{"Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "arn:aws:s3:::b"}'),
      findings: [{ at: '"s3:ListAllMyBuckets"', message: 's3:ListAllMyBuckets does not support resource-level permissions: it needs "Resource": "*".' }],
    },
    {
      name: 'an ARN of a type EC2 does not have (parliament\'s RESOURCE_MISMATCH)',
      text: policy('{"Effect": "Allow", "Action": "ec2:RunInstances", "Resource": ["arn:aws:ec2:*:123456789012:fake_resource_type/*"]}'),
      findings: [{ at: '"arn:aws:ec2:*:123456789012:fake_resource_type/*"', message: /^"arn:aws:ec2:\*:123456789012:fake_resource_type\/\*" is of no resource type "ec2" ARNs have \(.*\), so it matches nothing\.$/ }],
    },
    {
      name: 'each unknown ARN, also beside a known one',
      text: policy('{"Effect": "Allow", "Action": "ec2:RunInstances", "Resource": ["arn:aws:ec2:*:123456789012:instance/*", "arn:aws:ec2:*:123456789012:fake_instance/*", "arn:aws:ec2:*:123456789012:fake_instance_2/*"]}'),
      findings: [{ at: '"arn:aws:ec2:*:123456789012:fake_instance/*"' }, { at: '"arn:aws:ec2:*:123456789012:fake_instance_2/*"' }],
    },
    {
      name: 'YAML: a type written with the wrong separator (IAM User Guide\'s policy summary example)',
      fileName: 'template.yaml',
      text: yamlTemplate('Effect: Allow', 'Action: "codedeploy:*"', 'Resource: arn:aws:codedeploy:us-east-2:123456789012:instance/AssetTag*'),
      findings: [{ at: 'arn:aws:codedeploy:us-east-2:123456789012:instance/AssetTag*', message: '"arn:aws:codedeploy:us-east-2:123456789012:instance/AssetTag*" is of no resource type "codedeploy" ARNs have (application, deploymentconfig, deploymentgroup, instance), so it matches nothing. instance ARNs take the form arn:${Partition}:codedeploy:${Region}:${Account}:instance:${InstanceName}.' }],
    },
  ],
});

const passRole = (action: string, condition = '') => policy(`{"Effect": "Allow", "Action": ${action}, "Resource": "*"${condition ? `, "Condition": ${condition}` : ''}}`);

checkTable('PASS_ROLE_WITH_STAR_IN_RESOURCE', {
  valid: [
    { name: 'listed roles', text: policy('{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::123456789012:role/app"}') },
    { name: 'limited by iam:PassedToService (AWSLambda_FullAccess)', text: passRole('"iam:PassRole"', '{"StringEquals": {"iam:PassedToService": "lambda.amazonaws.com"}}') },
    { name: 'limited with StringEqualsIfExists and StringLike (guards Access Analyzer accepts)', text: policy('{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*", "Condition": {"StringEqualsIfExists": {"iam:PassedToService": "lambda.amazonaws.com"}}}', '{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*", "Condition": {"StringLike": {"iam:PassedToService": "ecs-tasks.amazonaws.*"}}}') },
    { name: 'a wildcard action is the other check\'s', text: passRole('"iam:Pass*"') },
    { name: 'in an SCP, which grants nothing', fileName: 'guard.scp.json', text: passRole('"iam:PassRole"') },
    { name: 'YAML: limited by StringEqualsIfExists', fileName: 'template.yaml', text: yamlTemplate('Effect: Allow', 'Action: iam:PassRole', 'Resource: "*"', 'Condition:', '  StringEqualsIfExists:', '    iam:PassedToService: lambda.amazonaws.com') },
  ],
  invalid: [
    { name: 'PassRole on *', text: passRole('["iam:GetRole", "iam:PassRole"]'), findings: [{ at: '"iam:PassRole"' }] },
    { name: 'StringNotEquals only excludes services: no guard', text: passRole('"iam:passrole"', '{"StringNotEquals": {"iam:PassedToService": "ec2.amazonaws.com"}}'), findings: [{ at: '"iam:passrole"' }] },
    { name: 'YAML: PassRole on *', fileName: 'template.yaml', text: yamlTemplate('Effect: Allow', 'Action: [iam:GetRole, iam:PassRole]', 'Resource: "*"'), findings: [{ at: 'iam:PassRole', message: /^iam:PassRole on "\*" lets this principal pass any role/ }] },
  ],
});

checkTable('PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE', {
  valid: [
    { name: 'iam:* on listed roles', text: policy('{"Effect": "Allow", "Action": "iam:*", "Resource": "arn:aws:iam::123456789012:role/app"}') },
    { name: 'iam:* limited by iam:PassedToService', text: passRole('"iam:*"', '{"StringEqualsIfExists": {"iam:PassedToService": "lambda.amazonaws.com"}}') },
    { name: 'wildcards that miss PassRole', text: passRole('["iam:Get*", "iam:List*", "s3:*"]') },
    { name: 'a permissions boundary\'s "*", which grants nothing', fileName: 'open.boundary.json', text: passRole('"*"') },
    { name: 'YAML: iam:Pass* limited with StringLike', fileName: 'template.yaml', text: yamlTemplate('Effect: Allow', 'Action: iam:Pass*', 'Resource: "*"', 'Condition:', '  StringLike:', '    iam:PassedToService: "*.amazonaws.com"') },
  ],
  invalid: [
    { name: 'iam:* on * (IAMFullAccess)', text: passRole('"iam:*"'), findings: [{ at: '"iam:*"', message: '"iam:*" on "*" includes iam:PassRole on every role, admin roles included: list the role ARNs it may pass, or limit iam:PassedToService.' }] },
    { name: 'iam:Pass* and a service wildcard', text: passRole('["iam:Pass*", "*:PassRole"]'), findings: [{ at: '"iam:Pass*"' }, { at: '"*:PassRole"' }] },
    { name: '"*" on "*" (AdministratorAccess, as Access Analyzer reports it)', text: passRole('"*"'), findings: [{ at: '"*"', occurrence: 0, message: '"*" on "*" includes iam:PassRole on every role, admin roles included: list the role ARNs it may pass, or limit iam:PassedToService.' }] },
    { name: 'YAML: iam:* on *', fileName: 'template.yaml', text: yamlTemplate('Effect: Allow', 'Action: "iam:*"', 'Resource: "*"'), findings: [{ at: '"iam:*"' }] },
  ],
});

checkTable('CREATE_SLR_WITH_STAR_IN_RESOURCE', {
  valid: [
    { name: 'with an iam:AWSServiceName condition (AmazonDynamoDBFullAccess)', text: passRole('"iam:CreateServiceLinkedRole"', '{"StringEquals": {"iam:AWSServiceName": "elasticbeanstalk.amazonaws.com"}}') },
    { name: 'StringLike on iam:AWSServiceName (a guard Access Analyzer accepts)', text: passRole('"iam:CreateServiceLinkedRole"', '{"StringLike": {"iam:AWSServiceName": "*.elasticbeanstalk.amazonaws.com"}}') },
    { name: 'YAML: StringLike on iam:AWSServiceName', fileName: 'template.yaml', text: yamlTemplate('Effect: Allow', 'Action: iam:CreateServiceLinkedRole', 'Resource: "*"', 'Condition:', '  StringLike:', '    iam:AWSServiceName: "*.amazonaws.com"') },
  ],
  invalid: [
    { name: 'on *', text: passRole('"iam:CreateServiceLinkedRole"'), findings: [{ at: '"iam:CreateServiceLinkedRole"' }] },
    { name: 'a condition on another key is no guard', text: passRole('"iam:CreateServiceLinkedRole"', '{"Bool": {"aws:SecureTransport": "true"}}'), findings: [{ at: '"iam:CreateServiceLinkedRole"' }] },
    { name: 'YAML: on *', fileName: 'template.yaml', text: yamlTemplate('Effect: Allow', 'Action: iam:CreateServiceLinkedRole', 'Resource: "*"'), findings: [{ at: 'iam:CreateServiceLinkedRole' }] },
  ],
});

checkTable('CREATE_SLR_WITH_STAR_IN_ACTION_AND_RESOURCE', {
  valid: [
    { name: 'iam:Create* limited by iam:AWSServiceName', text: passRole('"iam:Create*"', '{"StringLike": {"iam:AWSServiceName": "*.amazonaws.com"}}') },
    { name: 'iam:* on a service-linked role ARN', text: policy('{"Effect": "Allow", "Action": "iam:*", "Resource": "arn:aws:iam::*:role/aws-service-role/lambda.amazonaws.com/*"}') },
    { name: 'YAML: iam:Create*Role with StringEquals', fileName: 'template.yaml', text: yamlTemplate('Effect: Allow', 'Action: iam:Create*Role', 'Resource: "*"', 'Condition:', '  StringEquals:', '    iam:AWSServiceName: lambda.amazonaws.com') },
  ],
  invalid: [
    { name: '"*" on "*" (AdministratorAccess, as Access Analyzer reports it)', text: passRole('"*"'), findings: [{ at: '"*"', occurrence: 0 }] },
    { name: 'iam:Create* on *', text: passRole('["iam:Create*", "iam:GetRole"]'), findings: [{ at: '"iam:Create*"', message: '"iam:Create*" on "*" includes iam:CreateServiceLinkedRole for any service: limit Resource to the service\'s role ARN or add an iam:AWSServiceName condition.' }] },
    { name: 'YAML: iam:* on *', fileName: 'template.yaml', text: yamlTemplate('Effect: Allow', 'Action: "iam:*"', 'Resource: "*"'), findings: [{ at: '"iam:*"' }] },
  ],
});

const grant = (actions: string, resources: string, condition = '') => policy(`{"Effect": "Allow", ${actions}, ${resources}${condition ? `, "Condition": ${condition}` : ''}}`);

checkTable('PASS_ROLE_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION', {
  valid: [
    { name: 'NotAction lists iam:PassRole', text: grant('"NotAction": ["iam:PassRole", "s3:*"]', '"Resource": "*"') },
    { name: 'NotAction lists it through a wildcard, any case', text: grant('"NotAction": "IAM:Pass*"', '"Resource": "*"') },
    { name: 'limited by iam:PassedToService', text: grant('"NotAction": "s3:*"', '"Resource": "*"', '{"StringEquals": {"iam:PassedToService": "lambda.amazonaws.com"}}') },
    { name: 'on listed ARNs', text: grant('"NotAction": "s3:*"', '"Resource": "arn:aws:s3:::b/*"') },
    { name: 'a Deny', text: policy('{"Effect": "Deny", "NotAction": "s3:*", "Resource": "*"}') },
    { name: 'an SCP, which grants nothing', fileName: 'guard.scp.json', text: grant('"NotAction": "s3:*"', '"Resource": "*"') },
    { name: 'YAML: NotAction lists iam:*', fileName: 'template.yaml', text: yamlTemplate('Effect: Allow', 'NotAction: ["iam:*"]', 'Resource: "*"') },
  ],
  invalid: [
    { name: 'NotAction without iam:PassRole on * (PowerUserAccess\'s form)', text: grant('"NotAction": ["iam:CreateUser", "organizations:*"]', '"Resource": "*"'), findings: [{ at: '"NotAction"', message: '"NotAction" on "*" allows iam:PassRole on every role, admin roles included, as it does not list it: list the actions in "Action", add iam:PassRole to "NotAction", or limit iam:PassedToService.' }] },
    { name: 'StringNotEquals on iam:PassedToService is no guard', text: grant('"NotAction": "s3:*"', '"Resource": "*"', '{"StringNotEquals": {"iam:PassedToService": "ec2.amazonaws.com"}}'), findings: [{ at: '"NotAction"' }] },
    { name: 'YAML: NotAction on *', fileName: 'template.yaml', text: yamlTemplate('Effect: Allow', 'NotAction: s3:*', 'Resource: "*"'), findings: [{ at: 'NotAction' }] },
  ],
});

checkTable('PASS_ROLE_WITH_NOT_RESOURCE', {
  valid: [
    { name: 'NotResource excludes every role', text: grant('"Action": "iam:PassRole"', '"NotResource": "arn:aws:iam::*:role/*"') },
    { name: 'NotResource "*" grants nothing', text: grant('"Action": "iam:PassRole"', '"NotResource": "*"') },
    { name: 'limited by iam:PassedToService', text: grant('"Action": "iam:PassRole"', '"NotResource": "arn:aws:iam::123456789012:role/admin"', '{"StringLike": {"iam:PassedToService": "lambda.amazonaws.com"}}') },
    { name: 'a wildcard action is the other check\'s', text: grant('"Action": "iam:Pass*"', '"NotResource": "arn:aws:iam::123456789012:role/admin"') },
    { name: 'YAML: NotResource excludes every role of its partition', fileName: 'template.yaml', text: yamlTemplate('Effect: Allow', 'Action: iam:PassRole', 'NotResource: "arn:aws-cn:iam::*:role/*"') },
  ],
  invalid: [
    { name: 'every role but admin', text: grant('"Action": ["iam:GetRole", "iam:PassRole"]', '"NotResource": "arn:aws:iam::123456789012:role/admin"'), findings: [{ at: '"iam:PassRole"', message: 'iam:PassRole with "NotResource" lets this principal pass every role not listed, admin roles and roles made later included: list the role ARNs it may pass in "Resource", or limit iam:PassedToService.' }] },
    { name: 'a NotResource that lists no role', text: grant('"Action": "iam:passrole"', '"NotResource": ["arn:aws:s3:::b", "arn:aws:iam::*:user/*"]'), findings: [{ at: '"iam:passrole"' }] },
    { name: 'YAML: every role but admin', fileName: 'template.yaml', text: yamlTemplate('Effect: Allow', 'Action: iam:PassRole', 'NotResource: arn:aws:iam::123456789012:role/admin'), findings: [{ at: 'iam:PassRole' }] },
  ],
});

checkTable('PASS_ROLE_WITH_STAR_IN_ACTION_AND_NOT_RESOURCE', {
  valid: [
    { name: 'iam:* with NotResource on every role', text: grant('"Action": "iam:*"', '"NotResource": "arn:*:iam::*:role/*"') },
    { name: 'wildcards that miss PassRole', text: grant('"Action": ["iam:Get*", "s3:*"]', '"NotResource": "arn:aws:iam::123456789012:role/admin"') },
    { name: 'limited by iam:PassedToService', text: grant('"Action": "*"', '"NotResource": "arn:aws:s3:::secret/*"', '{"StringEqualsIfExists": {"iam:PassedToService": "lambda.amazonaws.com"}}') },
    { name: 'a boundary, which grants nothing', fileName: 'open.boundary.json', text: grant('"Action": "*"', '"NotResource": "arn:aws:s3:::secret/*"') },
    { name: 'YAML: iam:Pass* with NotResource on every role of any partition', fileName: 'template.yaml', text: yamlTemplate('Effect: Allow', 'Action: iam:Pass*', 'NotResource: ["arn:*:iam::*:role/*"]') },
  ],
  invalid: [
    { name: '"*" on all but one bucket', text: grant('"Action": "*"', '"NotResource": "arn:aws:s3:::secret/*"'), findings: [{ at: '"*"', message: '"*" with "NotResource" includes iam:PassRole on every role not listed, admin roles included: list the role ARNs it may pass in "Resource", or limit iam:PassedToService.' }] },
    { name: 'iam:Pass* and iam:*', text: grant('"Action": ["iam:Pass*", "iam:*"]', '"NotResource": "arn:aws:iam::123456789012:role/admin"'), findings: [{ at: '"iam:Pass*"' }, { at: '"iam:*"' }] },
    { name: 'YAML: iam:* on all but admin', fileName: 'template.yaml', text: yamlTemplate('Effect: Allow', 'Action: "iam:*"', 'NotResource: arn:aws:iam::123456789012:role/admin'), findings: [{ at: '"iam:*"' }] },
  ],
});

checkTable('PASS_ROLE_WITH_NOT_ACTION_AND_NOT_RESOURCE', {
  valid: [
    { name: 'NotAction lists iam:PassRole', text: grant('"NotAction": "iam:PassRole"', '"NotResource": "arn:aws:s3:::secret/*"') },
    { name: 'NotResource excludes every role', text: grant('"NotAction": "s3:*"', '"NotResource": ["arn:aws:iam::*:role/*", "arn:aws:s3:::secret/*"]') },
    { name: 'YAML: limited by iam:PassedToService', fileName: 'template.yaml', text: yamlTemplate('Effect: Allow', 'NotAction: s3:*', 'NotResource: arn:aws:s3:::secret/*', 'Condition:', '  StringEquals:', '    iam:PassedToService: lambda.amazonaws.com') },
  ],
  invalid: [
    { name: 'NotAction and NotResource that list no role', text: grant('"NotAction": "s3:*"', '"NotResource": "arn:aws:s3:::secret/*"'), findings: [{ at: '"NotAction"', message: '"NotAction" with "NotResource" allows iam:PassRole on every role not listed, admin roles included, as NotAction does not list it: list the actions and role ARNs in "Action" and "Resource", add iam:PassRole to "NotAction", or limit iam:PassedToService.' }] },
    { name: 'YAML: NotAction and NotResource', fileName: 'template.yaml', text: yamlTemplate('Effect: Allow', 'NotAction: [s3:*]', 'NotResource: arn:aws:iam::123456789012:role/admin'), findings: [{ at: 'NotAction' }] },
  ],
});

checkTable('CREATE_SLR_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION', {
  valid: [
    { name: 'NotAction lists iam:Create*', text: grant('"NotAction": ["iam:Create*", "iam:PassRole"]', '"Resource": "*"') },
    { name: 'limited by iam:AWSServiceName', text: grant('"NotAction": "iam:PassRole"', '"Resource": "*"', '{"StringLike": {"iam:AWSServiceName": "*.amazonaws.com"}}') },
    { name: 'YAML: NotAction lists it', fileName: 'template.yaml', text: yamlTemplate('Effect: Allow', 'NotAction: [iam:CreateServiceLinkedRole, iam:PassRole]', 'Resource: "*"') },
  ],
  invalid: [
    { name: 'NotAction iam:PassRole on *', text: grant('"NotAction": "iam:PassRole"', '"Resource": "*"'), findings: [{ at: '"NotAction"', message: '"NotAction" on "*" allows iam:CreateServiceLinkedRole for any service, as it does not list it: list the actions in "Action", add iam:CreateServiceLinkedRole to "NotAction", or add an iam:AWSServiceName condition.' }] },
    { name: 'YAML: NotAction on *', fileName: 'template.yaml', text: yamlTemplate('Effect: Allow', 'NotAction: iam:PassRole', 'Resource: "*"'), findings: [{ at: 'NotAction' }] },
  ],
});

checkTable('CREATE_SLR_WITH_NOT_RESOURCE', {
  valid: [
    { name: 'NotResource excludes every service-linked role', text: grant('"Action": "iam:CreateServiceLinkedRole"', '"NotResource": "arn:aws:iam::*:role/aws-service-role/*"') },
    { name: 'limited by iam:AWSServiceName', text: grant('"Action": "iam:CreateServiceLinkedRole"', '"NotResource": "arn:aws:iam::*:role/aws-service-role/ops.apigateway.amazonaws.com/*"', '{"StringEquals": {"iam:AWSServiceName": "lambda.amazonaws.com"}}') },
    { name: 'YAML: on listed roles', fileName: 'template.yaml', text: yamlTemplate('Effect: Allow', 'Action: iam:CreateServiceLinkedRole', 'Resource: arn:aws:iam::*:role/aws-service-role/lambda.amazonaws.com/*') },
  ],
  invalid: [
    { name: 'every service but one', text: grant('"Action": "iam:CreateServiceLinkedRole"', '"NotResource": "arn:aws:iam::*:role/aws-service-role/ops.apigateway.amazonaws.com/*"'), findings: [{ at: '"iam:CreateServiceLinkedRole"', message: 'iam:CreateServiceLinkedRole with "NotResource" allows creating the linked role of every service not listed: list the service\'s role ARN in "Resource" or add an iam:AWSServiceName condition.' }] },
    { name: 'YAML: every service but one', fileName: 'template.yaml', text: yamlTemplate('Effect: Allow', 'Action: iam:CreateServiceLinkedRole', 'NotResource: arn:aws:iam::*:role/aws-service-role/ops.apigateway.amazonaws.com/*'), findings: [{ at: 'iam:CreateServiceLinkedRole' }] },
  ],
});

checkTable('CREATE_SLR_WITH_STAR_IN_ACTION_AND_NOT_RESOURCE', {
  valid: [
    { name: 'NotResource excludes every role', text: grant('"Action": "iam:Create*"', '"NotResource": "arn:aws:iam::*:role/*"') },
    { name: 'YAML: limited by iam:AWSServiceName', fileName: 'template.yaml', text: yamlTemplate('Effect: Allow', 'Action: "iam:*"', 'NotResource: arn:aws:iam::*:user/*', 'Condition:', '  StringEquals:', '    iam:AWSServiceName: lambda.amazonaws.com') },
  ],
  invalid: [
    { name: 'iam:Create* on every role but admin', text: grant('"Action": "iam:Create*"', '"NotResource": "arn:aws:iam::123456789012:role/admin"'), findings: [{ at: '"iam:Create*"', message: '"iam:Create*" with "NotResource" includes iam:CreateServiceLinkedRole for every service not listed: list the service\'s role ARN in "Resource" or add an iam:AWSServiceName condition.' }] },
    { name: 'YAML: "*" on all but a bucket', fileName: 'template.yaml', text: yamlTemplate('Effect: Allow', 'Action: "*"', 'NotResource: arn:aws:s3:::secret/*'), findings: [{ at: '"*"' }] },
  ],
});

checkTable('CREATE_SLR_WITH_NOT_ACTION_AND_NOT_RESOURCE', {
  valid: [
    { name: 'NotAction lists it', text: grant('"NotAction": "iam:CreateServiceLinkedRole"', '"NotResource": "arn:aws:s3:::secret/*"') },
    { name: 'YAML: NotResource "*"', fileName: 'template.yaml', text: yamlTemplate('Effect: Allow', 'NotAction: s3:*', 'NotResource: "*"') },
  ],
  invalid: [
    { name: 'NotAction and NotResource that list neither', text: grant('"NotAction": "s3:*"', '"NotResource": "arn:aws:s3:::secret/*"'), findings: [{ at: '"NotAction"', message: '"NotAction" with "NotResource" allows iam:CreateServiceLinkedRole for every service not listed, as NotAction does not list it: list the actions and role ARNs in "Action" and "Resource", add iam:CreateServiceLinkedRole to "NotAction", or add an iam:AWSServiceName condition.' }] },
    { name: 'YAML: NotAction and NotResource', fileName: 'template.yaml', text: yamlTemplate('Effect: Allow', 'NotAction: s3:*', 'NotResource: arn:aws:s3:::secret/*'), findings: [{ at: 'NotAction' }] },
  ],
});

checkTable('ALLOW_WITH_NOT_PRINCIPAL', {
  valid: [{ name: 'Deny with NotPrincipal', text: policy('{"Effect": "Deny", "NotPrincipal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": "s3:*", "Resource": "arn:aws:s3:::b/*"}') }],
  invalid: [{ name: 'Allow with NotPrincipal', text: policy('{"Effect": "Allow", "NotPrincipal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}'), findings: [{ at: '"NotPrincipal"' }] }],
});

checkTable('iam.allow-with-not-action', {
  valid: [{ name: 'Deny with NotAction (AWS example: MFA)', text: policy('{"Effect": "Deny", "NotAction": "iam:*", "Resource": "*", "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}}') }],
  invalid: [{ name: 'Allow with NotAction', text: policy('{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}'), findings: [{ at: '"NotAction"' }] }],
});

checkTable('iam.allow-with-not-resource', {
  valid: [{ name: 'Deny with NotResource', text: policy('{"Effect": "Deny", "Action": "s3:*", "NotResource": "arn:aws:s3:::b/*"}') }],
  invalid: [{ name: 'Allow with NotResource', text: policy('{"Effect": "Allow", "Action": "s3:GetObject", "NotResource": "arn:aws:s3:::secret/*"}'), findings: [{ at: '"NotResource"' }] }],
});

checkTable('iam.star-action-on-star-resource', {
  valid: [
    { name: 'Deny * on *', text: policy('{"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}') },
    { name: 'an SCP\'s FullAWSAccess, which grants nothing', fileName: 'full-aws-access.scp.json', text: policy('{"Effect": "Allow", "Action": "*", "Resource": "*"}') },
    { name: 'a permissions boundary that caps nothing', fileName: 'open.boundary.json', text: policy('{"Effect": "Allow", "Action": "*", "Resource": "*"}') },
  ],
  invalid: [{ name: 'AdministratorAccess', text: policy('{"Effect": "Allow", "Action": "*", "Resource": "*"}'), findings: [{ at: '"*"', occurrence: 0 }] }],
});

const trust = (principal: string, condition: string) => policy(`{"Effect": "Allow", "Principal": {"Federated": "${principal}"}, "Action": "sts:AssumeRoleWithWebIdentity"${condition ? `, "Condition": ${condition}` : ''}}`);
const github = 'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com';

checkTable('MISSING_CONDITION_KEY_FOR_OIDC_PRINCIPAL', {
  valid: [
    { name: 'Login with Amazon checks app_id (AWS example)', text: trust('www.amazon.com', '{"StringEquals": {"www.amazon.com:app_id": "amzn1.application-oa2-123456"}}') },
    { name: 'aud checked (AWS example for GitHub)', text: trust(github, '{"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}, "StringLike": {"token.actions.githubusercontent.com:sub": "repo:o/r:*"}}') },
  ],
  invalid: [{ name: 'an EKS provider without conditions', text: trust('arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC', ''), findings: [{ at: '"arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC"', message: /add a condition on oidc.eks.us-east-1.amazonaws.com\/id\/ABC:aud/ }] }],
});

checkTable('MISSING_GITHUB_REPO_CONDITION_KEY', {
  valid: [{ name: 'sub checked', text: trust(github, '{"StringLike": {"token.actions.githubusercontent.com:sub": "repo:o/r:*"}}') }],
  invalid: [{ name: 'only aud', text: trust(github, '{"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}}'), findings: [{ at: `"${github}"` }] }],
});

const many = (n: number) => policy(...Array.from({ length: n }, (_, i) => `{"Sid": "S${i}", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket-number-${i}/*"}`));

/** A YAML policy of `count` statements: its text is shorter than the JSON IAM counts. */
const yamlMany = (count: number) => `Version: '2012-10-17'\nStatement:\n${Array.from({ length: count }, (_, i) => `  - {Effect: Allow, Action: s3:GetObject, Resource: arn:aws:s3:::bucket-name/prefix-${i}/*}\n`).join('')}`;

checkTable('POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA', {
  valid: [{ name: '60 statements', text: many(60) }, { name: 'YAML: 60 statements', fileName: 'policy.yaml', text: yamlMany(60) }],
  invalid: [
    { name: '120 statements', text: many(120), findings: [{ at: '"Statement"', message: /the managed policy quota is 6,144\. Inline policies share 2,048 \(user\), 5,120 \(group\) or 10,240 \(role\) characters per identity\.$/ }] },
    { name: 'YAML counted as the JSON it becomes (its own text is under the quota)', fileName: 'policy.yaml', text: yamlMany(67), findings: [{ at: 'Statement', message: /^The policy has 6,\d{3} characters/ }] },
  ],
});

checkTable('POLICY_SIZE_EXCEEDS_ROLE_TRUST_POLICY_QUOTA', {
  valid: [{ name: 'a small trust policy', text: policy('{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}') }],
  invalid: [
    {
      name: 'a trust policy naming 60 accounts',
      text: policy(`{"Effect": "Allow", "Principal": {"AWS": [${Array.from({ length: 60 }, (_, i) => `"arn:aws:iam::${String(100000000000 + i)}:root"`).join(', ')}]}, "Action": "sts:AssumeRole"}`),
      findings: [{ at: '"Statement"' }],
    },
  ],
});

checkTable('POLICY_SIZE_EXCEEDS_SCP_QUOTA', {
  valid: [{ name: 'a small SCP', fileName: 'deny.scp.json', text: many(3) }],
  invalid: [{ name: 'a large SCP', fileName: 'deny.scp.json', text: many(100), findings: [{ at: '"Statement"', message: /the service control policy quota is 5,120/ }] }],
});

checkTable('REDUNDANT_ACTION', {
  valid: [{ name: 'distinct actions', text: policy('{"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "*"}') }],
  invalid: [
    {
      name: 'covered by a wildcard, and repeated (AWS example)',
      text: policy('{"Effect": "Allow", "Action": ["s3:GetObject", "s3:Get*", "s3:ListBucket", "s3:listbucket"], "Resource": "*"}'),
      findings: [
        { at: '"s3:GetObject"', message: '"s3:GetObject" is already covered by "s3:Get*".', fixes: ['Remove "s3:GetObject"'] },
        { at: '"s3:listbucket"', message: '"s3:listbucket" is listed twice.' },
      ],
    },
  ],
});

checkTable('REDUNDANT_RESOURCE', {
  valid: [{ name: 'bucket and objects', text: policy('{"Effect": "Allow", "Action": "s3:*", "Resource": ["arn:aws:s3:::b", "arn:aws:s3:::b/*"]}') }],
  invalid: [{ name: 'an object under a wildcard', text: policy('{"Effect": "Allow", "Action": "s3:GetObject", "Resource": ["arn:aws:s3:::b/*", "arn:aws:s3:::b/report.csv"]}'), findings: [{ at: '"arn:aws:s3:::b/report.csv"', fixes: ['Remove "arn:aws:s3:::b/report.csv"'] }] }],
});

const tagged = (action: string, condition: string, effect = 'Allow') => policy(`{"Effect": "${effect}", "Action": ${action}, "Resource": "*", "Condition": ${condition}}`);

checkTable('ALLOW_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE', {
  valid: [
    { name: 'actions that authorize by tag (AWS ABAC example)', text: tagged('["ec2:StartInstances", "ec2:StopInstances", "lambda:InvokeFunction"]', '{"StringEquals": {"aws:ResourceTag/project": "${aws:PrincipalTag/project}"}}') },
    { name: 'a wildcard with some actions that take the key', text: tagged('"s3:*"', '{"StringEquals": {"aws:ResourceTag/team": "a"}}') },
    { name: 'a condition that also matches without the key (ForAllValues, IfExists) still allows', text: tagged('"route53:ChangeResourceRecordSets"', '{"ForAllValues:StringEquals": {"aws:TagKeys": ["team"]}, "StringEqualsIfExists": {"aws:ResourceTag/team": "a"}}') },
    { name: 'a Deny', text: tagged('"route53:ChangeResourceRecordSets"', '{"StringEquals": {"aws:ResourceTag/team": "a"}}', 'Deny') },
    { name: '"*" and a wildcard service name no action to judge', text: tagged('["*", "*:Get*"]', '{"StringEquals": {"aws:ResourceTag/team": "a"}}') },
    { name: 'YAML: aws:RequestTag on actions that take it', fileName: 'template.yaml', text: yamlTemplate('Effect: Allow', 'Action: [dynamodb:CreateTable, dynamodb:TagResource]', 'Resource: "*"', 'Condition:', '  StringEquals:', '    aws:RequestTag/team: a') },
  ],
  invalid: [
    {
      name: 'Route 53 never has aws:ResourceTag (Access Analyzer\'s example: move it to its own statement)',
      text: tagged('["ec2:StartInstances", "route53:ChangeResourceRecordSets"]', '{"StringEquals": {"aws:ResourceTag/team": "a"}}'),
      findings: [{ at: '"aws:ResourceTag/team"', message: 'aws:ResourceTag/team is never in the request of route53:ChangeResourceRecordSets ("route53"), so this statement allows it: move it to a statement without this condition.' }],
    },
    {
      name: 'judged per action: S3 takes aws:TagKeys on some actions, not on PutObject',
      text: tagged('["support:*", "polly:SynthesizeSpeech", "s3:PutObject", "s3:CreateBucket"]', '{"ForAnyValue:StringEquals": {"aws:TagKeys": "team"}}'),
      findings: [{ at: '"aws:TagKeys"', message: 'aws:TagKeys is never in the request of support:*, polly:SynthesizeSpeech, s3:PutObject ("support", "polly", "s3"), so this statement allows none of them: move them to a statement without this condition.' }],
    },
    {
      name: 'YAML: aws:ResourceTag on Route 53',
      fileName: 'template.yaml',
      text: yamlTemplate('Effect: Allow', 'Action: route53:ChangeResourceRecordSets', 'Resource: "*"', 'Condition:', '  StringLike:', '    aws:ResourceTag/team: a*'),
      findings: [{ at: 'aws:ResourceTag/team', message: /^aws:ResourceTag\/team is never in the request of route53:ChangeResourceRecordSets/ }],
    },
  ],
});

const notTagged = (effect: string, notAction: string, condition: string) => policy(`{"Effect": "${effect}", "NotAction": ${notAction}, "Resource": "*", "Condition": ${condition}}`);

checkTable('DENY_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE', {
  valid: [
    { name: 'actions that take the key (Access Analyzer\'s DenyDeleteSupported)', text: tagged('["appmesh:DeleteMesh", "backup:DeleteBackupPlan"]', '{"StringEquals": {"aws:ResourceTag/status": "Confidential"}}', 'Deny') },
    { name: 'IfExists denies without the key too', text: tagged('"route53:ChangeResourceRecordSets"', '{"StringEqualsIfExists": {"aws:ResourceTag/status": "Confidential"}}', 'Deny') },
    { name: 'a negated operator holds without the key', text: tagged('"route53:ChangeResourceRecordSets"', '{"StringNotEquals": {"aws:ResourceTag/team": "a"}}', 'Deny') },
    { name: 'an Allow is the suggestion\'s', text: tagged('"route53:ChangeResourceRecordSets"', '{"StringEquals": {"aws:ResourceTag/team": "a"}}') },
    { name: 'YAML: aws:RequestTag on actions that take it', fileName: 'template.yaml', text: yamlTemplate('Effect: Deny', 'Action: [dynamodb:CreateTable, dynamodb:TagResource]', 'Resource: "*"', 'Condition:', '  StringEquals:', '    aws:RequestTag/team: a') },
  ],
  invalid: [
    {
      name: 'Route 53 never has aws:ResourceTag, so its delete is not denied',
      text: tagged('["appmesh:DeleteMesh", "route53:DeleteHostedZone"]', '{"StringEquals": {"aws:ResourceTag/status": "Confidential"}}', 'Deny'),
      findings: [{ at: '"aws:ResourceTag/status"', message: 'aws:ResourceTag/status is never in the request of route53:DeleteHostedZone ("route53"), so this statement denies it, however the resource is tagged: deny it in a statement without this condition (by resource name, not tag); an IfExists operator would deny it always.' }],
    },
    {
      name: 'in an SCP too: guardrails deny',
      fileName: 'tags.scp.json',
      text: tagged('["support:*", "polly:SynthesizeSpeech"]', '{"ForAnyValue:StringEquals": {"aws:TagKeys": "team"}}', 'Deny'),
      findings: [{ at: '"aws:TagKeys"', message: /^aws:TagKeys is never in the request of support:\*, polly:SynthesizeSpeech \("support", "polly"\), so this statement denies none of them/ }],
    },
    {
      name: 'YAML: aws:ResourceTag on Route 53',
      fileName: 'template.yaml',
      text: yamlTemplate('Effect: Deny', 'Action: route53:DeleteHostedZone', 'Resource: "*"', 'Condition:', '  StringLike:', '    aws:ResourceTag/team: a*'),
      findings: [{ at: 'aws:ResourceTag/team' }],
    },
  ],
});

checkTable('DENY_NOTACTION_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE', {
  valid: [
    { name: 'Deny with Action', text: tagged('"ec2:TerminateInstances"', '{"StringEquals": {"aws:ResourceTag/status": "Confidential"}}', 'Deny') },
    { name: 'IfExists denies without the key too', text: notTagged('Deny', '"iam:*"', '{"StringEqualsIfExists": {"aws:ResourceTag/status": "Confidential"}}') },
    { name: 'a condition on another key (AWS\'s MFA example)', text: notTagged('Deny', '["iam:*", "sts:*"]', '{"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}') },
    { name: 'YAML: ForAllValues holds without the key', fileName: 'template.yaml', text: yamlTemplate('Effect: Deny', 'NotAction: iam:*', 'Resource: "*"', 'Condition:', '  ForAllValues:StringEquals:', '    aws:TagKeys: [team]') },
  ],
  invalid: [
    { name: 'NotAction and aws:ResourceTag', text: notTagged('Deny', '"iam:*"', '{"StringEquals": {"aws:ResourceTag/status": "Confidential"}}'), findings: [{ at: '"aws:ResourceTag/status"', message: 'With "NotAction", this statement denies only the actions whose request has aws:ResourceTag/status; the many that never have it, and actions AWS adds later, are not denied however the resource is tagged: list the actions to deny in "Action" instead.' }] },
    { name: 'YAML: NotAction and aws:RequestTag', fileName: 'template.yaml', text: yamlTemplate('Effect: Deny', 'NotAction: [iam:*]', 'Resource: "*"', 'Condition:', '  StringEquals:', '    aws:RequestTag/team: a'), findings: [{ at: 'aws:RequestTag/team' }] },
  ],
});

checkTable('ALLOW_NOTACTION_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE', {
  valid: [
    { name: 'Allow with Action', text: tagged('"ec2:StartInstances"', '{"StringEquals": {"aws:ResourceTag/team": "a"}}') },
    { name: 'a negated operator holds without the key', text: notTagged('Allow', '"iam:*"', '{"StringNotEquals": {"aws:ResourceTag/team": "a"}}') },
    { name: 'NotAction "*" allows nothing to judge', text: notTagged('Allow', '"*"', '{"StringEquals": {"aws:ResourceTag/team": "a"}}') },
    { name: 'YAML: IfExists holds without the key', fileName: 'template.yaml', text: yamlTemplate('Effect: Allow', 'NotAction: iam:*', 'Resource: "*"', 'Condition:', '  StringEqualsIfExists:', '    aws:ResourceTag/team: a') },
  ],
  invalid: [
    { name: 'NotAction and aws:ResourceTag', text: notTagged('Allow', '["iam:*", "organizations:*"]', '{"StringEquals": {"aws:ResourceTag/team": "a"}}'), findings: [{ at: '"aws:ResourceTag/team"', message: 'With "NotAction", this statement allows only the actions whose request has aws:ResourceTag/team; the many that never have it are not allowed: list the actions in "Action" instead.' }] },
    { name: 'YAML: NotAction and aws:TagKeys', fileName: 'template.yaml', text: yamlTemplate('Effect: Allow', 'NotAction: iam:*', 'Resource: "*"', 'Condition:', '  ForAnyValue:StringEquals:', '    aws:TagKeys: [team]'), findings: [{ at: 'aws:TagKeys' }] },
  ],
});
