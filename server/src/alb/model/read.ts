import type { Node } from 'jsonc-parser';
import { elements, properties, propertyValue, stringValue } from '../../document/tree';
import type { DocumentRegion } from '../../language/classify';
import { field, locatedNumber, locatedString, rangeOf } from './located';
import { readAction, readCondition, readDefaultRule, readRule } from './rule';
import type { AlbDocument, ListenerModel, ListOf, RuleModel, TemplateFunction, TemplateTargetGroup } from './types';
import { referencedId, templateFunctions, type TemplateFunctionDefinition } from '../../template';

const listenerType = 'AWS::ElasticLoadBalancingV2::Listener';
const listenerRuleType = 'AWS::ElasticLoadBalancingV2::ListenerRule';
const targetGroupType = 'AWS::ElasticLoadBalancingV2::TargetGroup';

const cache = new WeakMap<Node, AlbDocument>();

/**
 * The listeners an `alb-config` region describes, whatever its shape. Read
 * once per parsed region (every check of the domain asks for it).
 */
export function readAlbRegion(region: DocumentRegion): AlbDocument {
  let model = cache.get(region.node);
  if (!model) {
    model = { listeners: readListeners(region) };
    cache.set(region.node, model);
  }
  return model;
}

function readListeners(region: DocumentRegion): ListenerModel[] {
  const root = region.node;
  switch (region.shape) {
    case 'describe-rules':
      return [listenerOfRules(root, elements(propertyValue(root, 'Rules')).map((rule) => readRule(rule)))];
    case 'create-rule':
    case 'modify-rule':
      return [listenerOfRules(root, [readRule(root)])];
    case 'rule-conditions':
      return [listenerOfRules(root, [partialRule(root, { conditions: rootList(root, readCondition) })])];
    case 'rule-actions':
      return [listenerOfRules(root, [partialRule(root, { actions: rootList(root, readAction) })])];
    case 'listener':
    case 'modify-listener':
      return [readListener(root, 'the listener')];
    case 'listeners':
      return elements(propertyValue(root, 'Listeners')).map((listener, i) => readListener(listener, `listener ${i + 1}`));
    case 'cloudformation':
      return readTemplate(root);
    default:
      return [];
  }
}

/** describe-rules output and create-rule input: rules without the listener's own settings. */
function listenerOfRules(root: Node, all: RuleModel[]): ListenerModel {
  return {
    range: rangeOf(root),
    label: 'the listener',
    protocol: undefined,
    port: undefined,
    defaultRule: all.find((rule) => rule.isDefault),
    rules: all.filter((rule) => !rule.isDefault),
  };
}

function rootList<T>(root: Node, read: (node: Node) => T): ListOf<T> {
  return { key: { offset: root.offset, length: 0 }, range: rangeOf(root), items: elements(root).map(read) };
}

/** A `--conditions` or `--actions` file: one rule of which the document holds one half. */
function partialRule(root: Node, parts: Pick<RuleModel, 'conditions'> | Pick<RuleModel, 'actions'>): RuleModel {
  return {
    range: rangeOf(root),
    label: 'the rule',
    priority: undefined,
    isDefault: false,
    conditions: undefined,
    actions: undefined,
    transforms: undefined,
    ...parts,
  };
}

function readListener(node: Node, label: string): ListenerModel {
  return {
    range: rangeOf(node),
    label,
    protocol: field(node, 'Protocol', locatedString),
    port: field(node, 'Port', locatedNumber),
    defaultRule: readDefaultRule(node),
    rules: [],
  };
}

/**
 * Listeners and listener rules of a CloudFormation template. A rule joins
 * the listener its `ListenerArn` refers to (`Ref` or `Fn::GetAtt`) when that
 * listener is in the template; rules of other listeners are grouped by the
 * `ListenerArn` they name.
 */
function readTemplate(root: Node): ListenerModel[] {
  const resources = properties(propertyValue(root, 'Resources'));
  const byId = new Map<string, ListenerModel & { rules: RuleModel[] }>();
  const listeners: Array<ListenerModel & { rules: RuleModel[] }> = [];
  for (const { name, value } of resources) {
    if (stringValue(propertyValue(value, 'Type')) !== listenerType) continue;
    const props = propertyValue(value, 'Properties');
    const listener = { ...readListener(props ?? value, `listener ${name}`), range: rangeOf(value), rules: [] as RuleModel[] };
    byId.set(name, listener);
    listeners.push(listener);
  }
  const external = new Map<string, ListenerModel & { rules: RuleModel[] }>();
  for (const { name, value } of resources) {
    if (stringValue(propertyValue(value, 'Type')) !== listenerRuleType) continue;
    const props = propertyValue(value, 'Properties');
    if (!props) continue;
    const rule = readRule(props, { logicalId: name, range: value });
    const arn = propertyValue(props, 'ListenerArn');
    const target = byId.get(referencedId(arn) ?? '');
    if (target) {
      target.rules.push(rule);
      continue;
    }
    const groupKey = arn ? JSON.stringify(nodeText(arn)) : '(no ListenerArn)';
    let group = external.get(groupKey);
    if (!group) {
      group = { range: rangeOf(value), label: `the listener ${arn ? describeArn(arn) : 'of rule ' + name}`, protocol: undefined, port: undefined, defaultRule: undefined, rules: [] };
      external.set(groupKey, group);
      listeners.push(group);
    }
    group.rules.push(rule);
  }
  const targetGroups = templateTargetGroups(root, resources);
  return targetGroups.size ? listeners.map((listener) => ({ ...listener, targetGroupResources: targetGroups })) : listeners;
}

/** The template's target groups: their names and whether multi-value headers are on, for forwards that `Ref` them. */
function templateTargetGroups(root: Node, resources: ReturnType<typeof properties>): Map<string, TemplateTargetGroup> {
  const groups = new Map<string, TemplateTargetGroup>();
  let functions: Map<string, TemplateFunctionDefinition> | undefined;
  for (const { name, value } of resources) {
    if (stringValue(propertyValue(value, 'Type')) !== targetGroupType) continue;
    const props = propertyValue(value, 'Properties');
    const attribute = elements(propertyValue(props, 'TargetGroupAttributes')).find((a) => stringValue(propertyValue(a, 'Key')) === 'lambda.multi_value_headers.enabled');
    const setting: unknown = propertyValue(attribute, 'Value')?.value;
    let lambdaFunction: TemplateFunction | undefined;
    if (stringValue(propertyValue(props, 'TargetType')) === 'lambda') {
      // The template engine reads functions as SAM does (Globals, CDK assets); only templates with Lambda targets pay for it.
      functions ??= new Map(templateFunctions(root).map((fn) => [fn.id, fn]));
      lambdaFunction = targetFunction(functions, elements(propertyValue(props, 'Targets'))[0]);
    }
    groups.set(name, {
      logicalId: name,
      name: stringValue(propertyValue(props, 'Name')),
      multiValueHeaders: setting === true || setting === 'true' ? true : setting === false || setting === 'false' ? false : undefined,
      ...(lambdaFunction ? { lambdaFunction } : {}),
    });
  }
  return groups;
}

/** The function a target's `Id` names (`Fn::GetAtt: [Fn, Arn]`), when the template defines it with a handler and local code. */
function targetFunction(functions: ReadonlyMap<string, TemplateFunctionDefinition>, target: Node | undefined): TemplateFunction | undefined {
  const logicalId = referencedId(propertyValue(target, 'Id'));
  const fn = logicalId !== undefined ? functions.get(logicalId) : undefined;
  return fn?.handler !== undefined && fn.code.kind === 'local' ? { logicalId: fn.id, handler: fn.handler, codePath: fn.code.path } : undefined;
}

function describeArn(node: Node): string {
  const literal = stringValue(node);
  if (literal !== undefined) return literal;
  const id = referencedId(node);
  return id !== undefined ? `referred to as ${id}` : 'named by an expression';
}

/** A compact, stable rendering of a node's value, to group rules by the listener they name. */
function nodeText(node: Node): unknown {
  if (node.type === 'object') return Object.fromEntries(properties(node).map(({ name, value }) => [name, nodeText(value)]));
  if (node.type === 'array') return elements(node).map(nodeText);
  return node.value;
}
