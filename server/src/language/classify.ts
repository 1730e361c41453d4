import { getNodePath, type JSONPath, type Node } from 'jsonc-parser';
import { elements, properties, propertyValue, stringValue } from '../json/tree';

/** The kinds of AWS document the language core understands. */
export type RegionKind = 'iam-policy' | 'edge-event' | 'alb-config';

/**
 * Where, inside a JSON document, a domain's document sits, and in which
 * shape people keep it (a bare document, CLI output, a CloudFormation template...).
 */
export interface DocumentRegion {
  readonly kind: RegionKind;
  readonly shape: RegionShape;
  /** The node holding the domain's document (an object, or a string holding JSON for `policy-string`). */
  readonly node: Node;
  readonly path: JSONPath;
}

export type RegionShape =
  // iam-policy
  | 'policy'
  | 'policy-string'
  // edge-event
  | 'lambda-edge-event'
  | 'cloudfront-functions-event'
  // alb-config
  | 'describe-rules'
  | 'create-rule'
  | 'rule-conditions'
  | 'rule-actions'
  | 'listeners'
  | 'listener'
  | 'modify-rule'
  | 'modify-listener'
  | 'cloudformation';

/** The domain documents found in one JSON text; empty when it is none of ours. */
export interface Classification {
  readonly regions: readonly DocumentRegion[];
}

const iamVersions: ReadonlySet<string> = new Set(['2012-10-17', '2008-10-17']);
/** Keys under which AWS CLI output and APIs carry a policy as a JSON-encoded string. */
const policyStringKeys: ReadonlySet<string> = new Set(['Policy', 'PolicyDocument', 'AssumeRolePolicyDocument', 'Document', 'Content', 'KeyPolicy']);
const albActionTypes: ReadonlySet<string> = new Set([
  'forward', 'redirect', 'fixed-response', 'authenticate-oidc', 'authenticate-cognito', 'jwt-validation',
]);
const albConditionFields: ReadonlySet<string> = new Set([
  'host-header', 'path-pattern', 'http-header', 'http-request-method', 'query-string', 'source-ip',
]);

/** Tells the AWS documents in a JSON tree apart by content alone, whatever the file is called. */
export function classify(root: Node | undefined): Classification {
  if (!root) return { regions: [] };
  const regions: DocumentRegion[] = [];
  const edge = edgeShape(root);
  if (edge) regions.push(region('edge-event', edge, root));
  const alb = albShape(root);
  if (alb) regions.push(region('alb-config', alb, root));
  if (!edge) findPolicies(root, true, regions);
  return { regions };
}

function region(kind: RegionKind, shape: RegionShape, node: Node): DocumentRegion {
  return { kind, shape, node, path: getNodePath(node) };
}

/** A policy at the root is recognised while still incomplete; deeper ones need to look like a policy. */
function findPolicies(node: Node, atRoot: boolean, out: DocumentRegion[]): void {
  if (node.type === 'object') {
    if (looksLikePolicy(node, atRoot)) {
      out.push(region('iam-policy', 'policy', node));
      return;
    }
    for (const { name, value } of properties(node)) {
      if (policyStringKeys.has(name) && isPolicyString(value)) out.push(region('iam-policy', 'policy-string', value));
      else findPolicies(value, false, out);
    }
  } else if (node.type === 'array') {
    for (const element of elements(node)) findPolicies(element, false, out);
  }
}

function looksLikePolicy(node: Node, atRoot: boolean): boolean {
  const statement = propertyValue(node, 'Statement');
  const version = stringValue(propertyValue(node, 'Version'));
  if (atRoot) return statement !== undefined || (version !== undefined && iamVersions.has(version));
  if (!statement) return false;
  if (version !== undefined && iamVersions.has(version)) return true;
  const statements = statement.type === 'array' ? elements(statement) : [statement];
  return statements.some((s) => propertyValue(s, 'Effect') !== undefined || propertyValue(s, 'Action') !== undefined);
}

function isPolicyString(node: Node): boolean {
  const text = stringValue(node);
  return text !== undefined && /^\s*\{/.test(text) && text.includes('"Statement"');
}

function edgeShape(root: Node): RegionShape | undefined {
  const records = propertyValue(root, 'Records');
  if (elements(records).some((record) => propertyValue(record, 'cf')?.type === 'object')) return 'lambda-edge-event';
  const context = propertyValue(root, 'context');
  if (propertyValue(context, 'eventType') && (propertyValue(root, 'viewer') || propertyValue(root, 'request'))) {
    return 'cloudfront-functions-event';
  }
  return undefined;
}

function albShape(root: Node): RegionShape | undefined {
  if (root.type === 'array') {
    const items = elements(root);
    if (items.length === 0) return undefined;
    // A typo in one item's Field or Type must not hide the whole file from the checks.
    if (items.every((item) => isAlbItem(item, 'Field', albConditionFields))) return 'rule-conditions';
    if (items.every((item) => isAlbItem(item, 'Type', albActionTypes))) return 'rule-actions';
    return undefined;
  }
  if (propertyValue(root, 'RuleArn') && isRuleLike(root)) return 'modify-rule';
  if (propertyValue(root, 'ListenerArn') && !propertyValue(root, 'LoadBalancerArn') && !isRuleLike(root) && (propertyValue(root, 'DefaultActions') || propertyValue(root, 'Port') || propertyValue(root, 'Protocol'))) return 'modify-listener';
  const rules = propertyValue(root, 'Rules');
  if (elements(rules).some((r) => isRuleLike(r))) return 'describe-rules';
  if (elements(propertyValue(root, 'Listeners')).some((l) => propertyValue(l, 'DefaultActions'))) return 'listeners';
  if (propertyValue(root, 'DefaultActions')?.type === 'array') return 'listener';
  if (isRuleLike(root) && (propertyValue(root, 'ListenerArn') || propertyValue(root, 'Priority'))) return 'create-rule';
  const resources = propertyValue(root, 'Resources');
  const hasAlbResource = properties(resources).some(({ value }) =>
    /^AWS::ElasticLoadBalancingV2::(Listener|TargetGroup)/.test(stringValue(propertyValue(value, 'Type')) ?? ''),
  );
  return hasAlbResource ? 'cloudformation' : undefined;
}

/** A condition or action: a known Field/Type, or an unknown one next to the keys only ALB items carry (`Values`, `*Config`, `TargetGroupArn`). */
function isAlbItem(item: Node, key: 'Field' | 'Type', known: ReadonlySet<string>): boolean {
  const value = stringValue(propertyValue(item, key));
  if (value === undefined) return false;
  return known.has(value) || properties(item).some(({ name }) => name === 'Values' || name === 'TargetGroupArn' || name.endsWith('Config'));
}

function isRuleLike(node: Node): boolean {
  return propertyValue(node, 'Conditions')?.type === 'array' || propertyValue(node, 'Actions')?.type === 'array';
}
