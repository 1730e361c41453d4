import type { Node } from 'jsonc-parser';
import { elements, properties, propertyValue, stringValue } from '../document/tree';
import { region, type DocumentRegion } from '../language/classify';

/** The region kind of ALB listener and rule configurations. */
export const albKind = 'alb-config';

export type AlbShape = 'describe-rules' | 'create-rule' | 'rule-conditions' | 'rule-actions' | 'listeners' | 'listener' | 'modify-rule' | 'modify-listener' | 'cloudformation';

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
