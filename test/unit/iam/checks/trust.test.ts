import { checkTable } from '../../check-table';
import { policy } from '../policies';

/** A role's trust policy in a template, as CloudFormation's AssumeRolePolicyDocument holds it (YAML lines without indentation). */
function yamlTrust(...statementLines: string[]): string {
  const [first, ...rest] = statementLines;
  const statement = [`          - ${first ?? ''}`, ...rest.map((line) => `            ${line}`)].join('\n');
  return `Resources:\n  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Version: '2012-10-17'\n        Statement:\n${statement}\n`;
}

const lambdaTrust = '{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}';

checkTable('ROLE_TRUST_POLICY_SYNTAX_ERROR_RESOURCE', {
  valid: [
    { name: 'a trust policy without Resource', fileName: 'role.trust.json', text: policy(lambdaTrust) },
    { name: 'a bucket policy has its Resource', fileName: 'b.resource.json', text: policy('{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}') },
    { name: 'YAML: a role\'s trust policy', fileName: 'template.yaml', text: yamlTrust('Effect: Allow', 'Principal: {Service: lambda.amazonaws.com}', 'Action: sts:AssumeRole') },
  ],
  invalid: [
    { name: 'Resource and NotResource, the type told by content', text: policy('{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole", "Resource": "*"}', '{"Effect": "Deny", "Principal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": "sts:AssumeRole", "NotResource": "arn:aws:iam::123456789012:role/x"}'), findings: [{ at: '"Resource"', message: 'A role trust policy applies to the role it is attached to: remove "Resource".' }, { at: '"NotResource"' }] },
    { name: 'YAML: Resource in AssumeRolePolicyDocument', fileName: 'template.yaml', text: yamlTrust('Effect: Allow', 'Principal: {Service: lambda.amazonaws.com}', 'Action: sts:AssumeRole', 'Resource: "*"'), findings: [{ at: 'Resource', occurrence: 1 }] },
  ],
});

checkTable('ROLE_TRUST_POLICY_SYNTAX_ERROR_NOTPRINCIPAL', {
  valid: [
    { name: 'a resource policy\'s Deny with NotPrincipal', fileName: 'b.resource.json', text: policy('{"Effect": "Deny", "NotPrincipal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": "s3:*", "Resource": "arn:aws:s3:::b/*"}') },
    { name: 'YAML: Principal', fileName: 'template.yaml', text: yamlTrust('Effect: Allow', 'Principal: {AWS: arn:aws:iam::123456789012:root}', 'Action: sts:AssumeRole') },
  ],
  invalid: [
    { name: 'NotPrincipal in a trust policy', fileName: 'role.trust.json', text: policy('{"Effect": "Deny", "NotPrincipal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": "sts:AssumeRole"}'), findings: [{ at: '"NotPrincipal"', message: 'Role trust policies do not support "NotPrincipal": name the principals that may assume the role in "Principal".' }] },
    { name: 'YAML: NotPrincipal', fileName: 'template.yaml', text: yamlTrust('Effect: Deny', 'NotPrincipal: {AWS: arn:aws:iam::123456789012:root}', 'Action: sts:AssumeRole'), findings: [{ at: 'NotPrincipal' }] },
  ],
});

checkTable('ROLE_TRUST_POLICY_UNSUPPORTED_WILDCARD_IN_PRINCIPAL', {
  valid: [
    { name: '{"AWS": "*"} narrowed by a condition', fileName: 'role.trust.json', text: policy('{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-1234567890"}}}') },
    { name: 'a bucket policy\'s "*"', fileName: 'b.resource.json', text: policy('{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}') },
    { name: 'YAML: a service', fileName: 'template.yaml', text: yamlTrust('Effect: Allow', 'Principal: {Service: lambda.amazonaws.com}', 'Action: sts:AssumeRole') },
  ],
  invalid: [
    { name: '"Principal": "*"', fileName: 'role.trust.json', text: policy('{"Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole"}'), findings: [{ at: '"*"', occurrence: 0, message: '"Principal": "*" is not supported in a role trust policy: name the principals that may assume the role.' }] },
    { name: 'YAML: Principal "*"', fileName: 'template.yaml', text: yamlTrust('Effect: Allow', 'Principal: "*"', 'Action: sts:AssumeRole'), findings: [{ at: '"*"' }] },
  ],
});

checkTable('FEDERATED_PRINCIPAL_NOT_SUPPORTED', {
  valid: [
    { name: 'a role trust policy federates (AWS example: Cognito)', fileName: 'role.trust.json', text: policy('{"Effect": "Allow", "Principal": {"Federated": "cognito-identity.amazonaws.com"}, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {"StringEquals": {"cognito-identity.amazonaws.com:aud": "us-east-1:12345678-1234-1234-1234-123456789012"}}}') },
    { name: 'STS actions only: a trust policy its content did not tell apart', text: policy('{"Effect": "Allow", "Principal": {"Federated": "cognito-identity.amazonaws.com"}, "Action": "sts:*"}') },
    { name: 'YAML: an AWS principal in a bucket policy', fileName: 'template.yaml', text: 'Resources:\n  P:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: b\n      PolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Allow\n            Principal: {AWS: arn:aws:iam::123456789012:root}\n            Action: s3:GetObject\n            Resource: arn:aws:s3:::b/*\n' },
  ],
  invalid: [
    { name: 'a SAML provider in a bucket policy', fileName: 'b.resource.json', text: policy('{"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::123456789012:saml-provider/corp"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}'), findings: [{ at: '"Federated"', message: 'Only a role trust policy takes a "Federated" principal: name AWS accounts, roles or services here, or federate into a role that has this access.' }] },
    { name: 'YAML: Cognito in a bucket policy', fileName: 'template.yaml', text: 'Resources:\n  P:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: b\n      PolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Allow\n            Principal: {Federated: cognito-identity.amazonaws.com}\n            Action: s3:GetObject\n            Resource: arn:aws:s3:::b/*\n', findings: [{ at: 'Federated' }] },
  ],
});

checkTable('MISMATCHED_ACTION_FOR_PRINCIPAL', {
  valid: [
    { name: 'SAML with AssumeRoleWithSAML, OIDC with AssumeRoleWithWebIdentity (AWS examples)', fileName: 'role.trust.json', text: policy('{"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::123456789012:saml-provider/corp"}, "Action": ["sts:AssumeRoleWithSAML", "sts:TagSession"], "Condition": {"StringEquals": {"SAML:aud": "https://signin.aws.amazon.com/saml"}}}', '{"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"}, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}, "StringLike": {"token.actions.githubusercontent.com:sub": "repo:o/r:ref:refs/heads/main"}}}') },
    { name: 'YAML: Cognito with AssumeRoleWithWebIdentity', fileName: 'template.yaml', text: yamlTrust('Effect: Allow', 'Principal: {Federated: cognito-identity.amazonaws.com}', 'Action: sts:AssumeRoleWithWebIdentity', 'Condition:', '  StringEquals:', '    cognito-identity.amazonaws.com:aud: us-east-1:12345678-1234-1234-1234-123456789012') },
  ],
  invalid: [
    { name: 'a SAML provider with AssumeRoleWithWebIdentity (Access Analyzer\'s example)', fileName: 'role.trust.json', text: policy('{"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::123456789012:saml-provider/corp"}, "Action": "sts:AssumeRoleWithWebIdentity"}'), findings: [{ at: '"sts:AssumeRoleWithWebIdentity"', message: 'sts:AssumeRoleWithWebIdentity is invalid with Federated "arn:aws:iam::123456789012:saml-provider/corp": use a SAML provider (Federated) with sts:AssumeRoleWithSAML, an OIDC provider (Federated) with sts:AssumeRoleWithWebIdentity.' }] },
    { name: 'a service with AssumeRoleWithSAML', fileName: 'role.trust.json', text: policy('{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": ["sts:AssumeRole", "sts:AssumeRoleWithSAML"]}'), findings: [{ at: '"sts:AssumeRoleWithSAML"', message: /^sts:AssumeRoleWithSAML is invalid with Service "ec2\.amazonaws\.com"/ }] },
    { name: 'YAML: an OIDC provider with AssumeRoleWithSAML', fileName: 'template.yaml', text: yamlTrust('Effect: Allow', 'Principal: {Federated: "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"}', 'Action: sts:AssumeRoleWithSAML'), findings: [{ at: 'sts:AssumeRoleWithSAML' }] },
  ],
});

checkTable('MISSING_ACTION_FOR_ROLES_ANYWHERE_TRUST_POLICY', {
  valid: [
    { name: 'all three (AWS example)', fileName: 'role.trust.json', text: policy('{"Effect": "Allow", "Principal": {"Service": "rolesanywhere.amazonaws.com"}, "Action": ["sts:AssumeRole", "sts:TagSession", "sts:SetSourceIdentity"]}') },
    { name: 'across two statements, one by wildcard', fileName: 'role.trust.json', text: policy('{"Effect": "Allow", "Principal": {"Service": "rolesanywhere.amazonaws.com"}, "Action": "sts:AssumeRole"}', '{"Effect": "Allow", "Principal": {"Service": "rolesanywhere.amazonaws.com"}, "Action": ["sts:Set*", "sts:TagSession"]}') },
    { name: 'YAML: another service', fileName: 'template.yaml', text: yamlTrust('Effect: Allow', 'Principal: {Service: lambda.amazonaws.com}', 'Action: sts:AssumeRole') },
  ],
  invalid: [
    { name: 'sts:AssumeRole only', fileName: 'role.trust.json', text: policy('{"Effect": "Allow", "Principal": {"Service": ["ec2.amazonaws.com", "rolesanywhere.amazonaws.com"]}, "Action": "sts:AssumeRole"}'), findings: [{ at: '"rolesanywhere.amazonaws.com"', message: 'IAM Roles Anywhere needs sts:AssumeRole, sts:SetSourceIdentity and sts:TagSession to assume the role: add sts:SetSourceIdentity, sts:TagSession.' }] },
    { name: 'YAML: without TagSession', fileName: 'template.yaml', text: yamlTrust('Effect: Allow', 'Principal: {Service: rolesanywhere.amazonaws.com}', 'Action: [sts:AssumeRole, sts:SetSourceIdentity]'), findings: [{ at: 'rolesanywhere.amazonaws.com', message: /add sts:TagSession\.$/ }] },
  ],
});

checkTable('INVALID_FEDERATED_PRINCIPAL_SYNTAX_IN_ROLE_TRUST_POLICY', {
  valid: [
    { name: 'provider ARNs and built-in providers (AWS examples)', fileName: 'role.trust.json', text: policy('{"Effect": "Allow", "Principal": {"Federated": ["arn:aws:iam::123456789012:saml-provider/corp", "arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE", "cognito-identity.amazonaws.com", "accounts.google.com", "www.amazon.com", "graph.facebook.com"]}, "Action": ["sts:AssumeRoleWithWebIdentity", "sts:AssumeRoleWithSAML"]}') },
    { name: 'YAML: an OIDC provider ARN', fileName: 'template.yaml', text: yamlTrust('Effect: Allow', 'Principal: {Federated: "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"}', 'Action: sts:AssumeRoleWithWebIdentity') },
  ],
  invalid: [
    { name: 'a provider name, and an ARN of another kind', fileName: 'role.trust.json', text: policy('{"Effect": "Allow", "Principal": {"Federated": ["corp-saml", "arn:aws:iam::123456789012:role/x"]}, "Action": "sts:AssumeRoleWithSAML"}'), findings: [{ at: '"corp-saml"', message: '"corp-saml" is not a federated principal: use the ARN of an identity provider (arn:aws:iam::123456789012:saml-provider/name or …:oidc-provider/host) or a domain such as cognito-identity.amazonaws.com.' }, { at: '"arn:aws:iam::123456789012:role/x"' }] },
    { name: 'YAML: a provider name', fileName: 'template.yaml', text: yamlTrust('Effect: Allow', 'Principal: {Federated: corp-saml}', 'Action: sts:AssumeRoleWithSAML'), findings: [{ at: 'corp-saml' }] },
  ],
});
