import { findNodeAtLocation, type JSONPath, type Node } from 'jsonc-parser';
import { elements, propertyValue, stringValue } from '../document/tree';
import type { PolicyType, Statement } from './policy-model';

export type { PolicyType, PolicyTypeDecision, PolicyTypeSource } from './policy-model';

/**
 * The file-name convention the README documents: `<name>.<type>.json`, e.g.
 * `deny-regions.scp.json` or `bucket.resource.json`, for the cases content cannot tell.
 */
export function policyTypeFromFileName(fileName: string | undefined): PolicyType | undefined {
  const match = /\.(identity|resource|trust|boundary|scp|rcp)\.jsonc?$/i.exec(fileName ?? '');
  return match?.[1] ? (match[1].toLowerCase() as PolicyType) : undefined;
}

/** CloudFormation resource types whose policy property holds a resource-based policy. */
const resourcePolicyResources = /^AWS::(S3::BucketPolicy|SQS::QueuePolicy|SNS::TopicPolicy|KMS::Key|SecretsManager::ResourcePolicy|ECR::Repository|Lambda::Permission|Events::EventBusPolicy|Logs::ResourcePolicy|OpenSearchService::Domain|Elasticsearch::Domain|Backup::BackupVault|S3Express::BucketPolicy|ApiGateway::RestApi|IAM::ResourcePolicy|DynamoDB::Table|DynamoDB::GlobalTable)/;

/** What the surroundings say: the key holding the policy, and for CloudFormation the resource type. */
export function policyTypeFromContext(root: Node | undefined, path: JSONPath): PolicyType | undefined {
  const key = [...path].reverse().find((p): p is string => typeof p === 'string');
  if (key === 'AssumeRolePolicyDocument') return 'trust';
  if (key === 'PermissionsBoundary' || key === 'PermissionsBoundaryPolicyDocument') return 'boundary';
  if (path[0] === 'Resources' && typeof path[1] === 'string') {
    const type = stringValue(propertyValue(propertyValue(propertyValue(root, 'Resources'), path[1]), 'Type')) ?? '';
    if (type === 'AWS::Organizations::Policy') {
      const orgType = stringValue(propertyValue(propertyValue(propertyValue(propertyValue(root, 'Resources'), path[1]), 'Properties'), 'Type'));
      return orgType === 'RESOURCE_CONTROL_POLICY' ? 'rcp' : orgType === 'SERVICE_CONTROL_POLICY' ? 'scp' : undefined;
    }
    if (/^AWS::IAM::(Policy|ManagedPolicy|Role|User|Group)$/.test(type)) return 'identity';
    if (resourcePolicyResources.test(type)) return 'resource';
    return undefined;
  }
  if (key === 'Content') {
    // aws organizations describe-policy: {"Policy": {"PolicySummary": {"Type": ...}, "Content": "..."}}
    const policy = root && findNodeAtLocation(root, path.slice(0, -1));
    const orgType = stringValue(propertyValue(propertyValue(policy, 'PolicySummary'), 'Type'));
    if (orgType === 'SERVICE_CONTROL_POLICY') return 'scp';
    if (orgType === 'RESOURCE_CONTROL_POLICY') return 'rcp';
  }
  if (key === 'Document' && path.includes('PolicyVersion')) return 'identity';
  if (key === 'PolicyDocument' && path.includes('RolePolicy')) return 'identity';
  return undefined;
}

/** From the statements alone: a Principal means a resource-based policy, a trust policy when it only assumes roles. */
export function policyTypeFromContent(statements: readonly Statement[]): PolicyType {
  const withPrincipal = statements.filter((s) => s.elements.Principal || s.elements.NotPrincipal);
  if (withPrincipal.length === 0) return 'identity';
  const actions = withPrincipal.flatMap((s) => {
    const action = s.elements.Action?.value;
    return action?.type === 'array' ? elements(action).map(stringValue) : [stringValue(action)];
  });
  return actions.length > 0 && actions.every((a) => a !== undefined && /^sts:(AssumeRole|TagSession|SetSourceIdentity|SetContext)/i.test(a)) ? 'trust' : 'resource';
}

/** Policies whose Allow grants access; permissions boundaries, SCPs and RCPs only cap it (their "Allow" of "*" lets everything through). */
export function grantsAccess(type: PolicyType): boolean {
  return type === 'identity' || type === 'resource' || type === 'trust';
}
