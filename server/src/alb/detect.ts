import type { Node } from 'jsonc-parser';
import { elements, properties, propertyValue, stringValue } from '../document/tree';
import { region, type DocumentRegion } from '../language/classify';

/** The region kind of ALB listener and rule configurations. */
export const albKind = 'alb-config';

export type AlbShape = 'describe-rules' | 'create-rule' | 'rule-conditions' | 'rule-actions' | 'listeners' | 'listener' | 'cloudformation';

const albActionTypes: ReadonlySet<string> = new Set([
  'forward', 'redirect', 'fixed-response', 'authenticate-oidc', 'authenticate-cognito', 'jwt-validation',
]);
const albConditionFields: ReadonlySet<string> = new Set([
  'host-header', 'path-pattern', 'http-header', 'http-request-method', 'query-string', 'source-ip',
]);

/** Listener rules as the CLI prints or takes them, or the listeners and rules of a template: the whole document. */
export function detectAlbConfig(root: Node): DocumentRegion[] {
  const shape = albShape(root);
  return shape ? [region(albKind, shape, root)] : [];
}

function albShape(root: Node): AlbShape | undefined {
  if (root.type === 'array') {
    const items = elements(root);
    if (items.length === 0) return undefined;
    if (items.every((item) => albConditionFields.has(stringValue(propertyValue(item, 'Field')) ?? ''))) return 'rule-conditions';
    if (items.every((item) => albActionTypes.has(stringValue(propertyValue(item, 'Type')) ?? ''))) return 'rule-actions';
    return undefined;
  }
  const rules = propertyValue(root, 'Rules');
  if (elements(rules).some((r) => isRuleLike(r))) return 'describe-rules';
  if (elements(propertyValue(root, 'Listeners')).some((l) => propertyValue(l, 'DefaultActions'))) return 'listeners';
  if (propertyValue(root, 'DefaultActions')?.type === 'array') return 'listener';
  if (isRuleLike(root) && (propertyValue(root, 'ListenerArn') || propertyValue(root, 'Priority'))) return 'create-rule';
  const resources = propertyValue(root, 'Resources');
  const hasAlbResource = properties(resources).some(({ value }) =>
    (stringValue(propertyValue(value, 'Type')) ?? '').startsWith('AWS::ElasticLoadBalancingV2::Listener'),
  );
  return hasAlbResource ? 'cloudformation' : undefined;
}

function isRuleLike(node: Node): boolean {
  return propertyValue(node, 'Conditions')?.type === 'array' || propertyValue(node, 'Actions')?.type === 'array';
}
