// @ts-check
/**
 * Short descriptions of the global condition context keys, written for this
 * project from AWS's "AWS global condition context keys" reference
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html).
 * The data package lists these keys with their types but no descriptions.
 * Keys are spelt as the package spells them; compile-index fails on a missing one.
 * @type {Readonly<Record<string, string>>}
 */
export const globalKeyDescriptions = {
  'aws:PrincipalArn': 'The ARN of the principal that made the request (for a role session, the role\'s ARN, not the session\'s).',
  'aws:PrincipalAccount': 'The account ID of the principal that made the request.',
  'aws:PrincipalOrgPaths': 'The AWS Organizations paths (organization, root, OUs) of the account the requesting principal belongs to.',
  'aws:PrincipalOrgID': 'The AWS Organizations ID of the organization the requesting principal\'s account belongs to.',
  'aws:PrincipalTag/tag-key': 'A tag attached to the requesting principal (the IAM user or role, or passed as a session tag).',
  'aws:PrincipalIsAWSService': 'Whether the request is made by an AWS service principal (such as cloudtrail.amazonaws.com).',
  'aws:PrincipalServiceName': 'The service principal name (such as cloudtrail.amazonaws.com) when a service principal makes the request.',
  'aws:PrincipalServiceNamesList': 'All service principal names of the service making the request (a multivalued key).',
  'aws:PrincipalType': 'The type of principal making the request: Account, User, FederatedUser, AssumedRole or Anonymous.',
  'aws:userid': 'The unique ID of the requesting principal (for a role session, role-id:session-name).',
  'aws:username': 'The friendly name of the requesting IAM user; absent for roles and federated users.',
  'aws:AssumedRoot': 'Whether the request uses AssumeRoot to act as the root user of a member account.',
  'aws:FederatedProvider': 'The identity provider that issued the credentials of the requesting federated principal.',
  'aws:TokenIssueTime': 'When the temporary security credentials of the request were issued.',
  'aws:MultiFactorAuthAge': 'Seconds since the requesting principal authenticated with MFA; absent without MFA.',
  'aws:MultiFactorAuthPresent': 'Whether the temporary credentials of the request were obtained with MFA; absent for long-term credentials.',
  'aws:ChatbotSourceArn': 'The ARN of the Amazon Q Developer in chat applications channel configuration that made the request.',
  'aws:Ec2InstanceSourceVpc': 'The VPC of the EC2 instance whose role credentials sign the request.',
  'aws:Ec2InstanceSourcePrivateIPv4': 'The primary private IPv4 address of the EC2 instance whose role credentials sign the request.',
  'aws:SourceIdentity': 'The source identity set when the role session was assumed.',
  'ec2:RoleDelivery': 'The version of the instance metadata service that delivered the EC2 instance\'s role credentials.',
  'ec2:SourceInstanceArn': 'The ARN of the EC2 instance whose role credentials sign the request.',
  'glue:RoleAssumedBy': 'The AWS Glue service that assumed the role for the request.',
  'glue:CredentialIssuingService': 'The AWS Glue service that issued the credentials of the request.',
  'lambda:SourceFunctionArn': 'The ARN of the Lambda function whose execution role credentials sign the request.',
  'ssm:SourceInstanceArn': 'The ARN of the Systems Manager managed instance whose credentials sign the request.',
  'identitystore:UserId': 'The IAM Identity Center user ID of the identity-enhanced session making the request.',
  'aws:SourceIp': 'The requester\'s public IP address; absent when the request comes through a VPC endpoint.',
  'aws:SourceVpc': 'The VPC whose VPC endpoint the request came through.',
  'aws:SourceVpcArn': 'The ARN of the VPC whose VPC endpoint the request came through.',
  'aws:SourceVpce': 'The ID of the VPC endpoint the request came through.',
  'aws:VpceAccount': 'The account ID that owns the VPC endpoint the request came through.',
  'aws:VpceOrgPaths': 'The AWS Organizations paths of the account that owns the VPC endpoint the request came through.',
  'aws:VpceOrgID': 'The AWS Organizations ID of the organization that owns the VPC endpoint the request came through.',
  'aws:VpcSourceIp': 'The requester\'s IP address when the request comes through a VPC endpoint.',
  'aws:ResourceAccount': 'The account ID that owns the resource being accessed.',
  'aws:ResourceOrgID': 'The AWS Organizations ID of the organization that owns the resource being accessed.',
  'aws:ResourceOrgPaths': 'The AWS Organizations paths of the account that owns the resource being accessed.',
  'aws:ResourceTag/tag-key': 'A tag attached to the resource being accessed.',
  'aws:CalledVia': 'The services that made the request on the principal\'s behalf, in order (a multivalued key).',
  'aws:CalledViaFirst': 'The first service that made the request on the principal\'s behalf.',
  'aws:CalledViaLast': 'The last service that made the request on the principal\'s behalf.',
  'aws:CalledViaAWSMCP': 'The AWS-managed MCP server that made the request on the principal\'s behalf.',
  'aws:ViaAWSService': 'Whether an AWS service made the request on the principal\'s behalf (forward access sessions).',
  'aws:ViaAWSMCPService': 'Whether an AWS-managed MCP server made the request on the principal\'s behalf.',
  'aws:CurrentTime': 'The date and time of the request (ISO 8601).',
  'aws:EpochTime': 'The date and time of the request, in epoch seconds or ISO 8601.',
  'aws:referer': 'The HTTP Referer header of the request; easily spoofed, so not for protection against unauthorized access.',
  'aws:RequestedRegion': 'The AWS Region the request was made to.',
  'aws:RequestTag/tag-key': 'A tag passed in the request (when creating or tagging a resource).',
  'aws:TagKeys': 'The tag keys passed in the request (a multivalued key).',
  'aws:SecureTransport': 'Whether the request was sent over TLS.',
  'aws:SourceArn': 'The ARN of the resource on whose behalf a service makes a service-to-service request.',
  'aws:SourceAccount': 'The account ID of the resource on whose behalf a service makes a service-to-service request.',
  'aws:SourceOwner': 'The account ID of the owner of the resource on whose behalf a service makes the request (some services only).',
  'aws:SourceOrgPaths': 'The AWS Organizations paths of the account of the resource on whose behalf a service makes the request.',
  'aws:SourceOrgID': 'The AWS Organizations ID of the organization of the resource on whose behalf a service makes the request.',
  'aws:UserAgent': 'The HTTP User-Agent of the requester\'s client; easily spoofed.',
  'aws:IsMcpServiceAction': 'Whether the request is an action of an AWS-managed MCP server.',
};

/**
 * Global keys AWS's own managed policies use that the data package does not
 * list (AWSSSOServiceRolePolicy uses aws:PrincipalOrgMasterAccountId): known,
 * so that AWS's policies validate without an error. [type, description, category]
 * @type {Readonly<Record<string, readonly [string, string, string]>>}
 */
export const extraGlobalKeys = {
  'aws:PrincipalOrgMasterAccountId': ['String', 'The account ID of the management account of the requesting principal\'s organization (used by AWS managed policies; not in the global condition key reference).', 'principal'],
};
