import type { Node } from 'jsonc-parser';
import { elements, properties } from '../../document/tree';
import { field, locatedBoolean, locatedNumber, locatedString, locatedText, rangeOf, refOf, valueList, written } from './located';
import {
  actionTypes,
  conditionConfigKeys,
  conditionFields,
  transformTypes,
  type ActionModel,
  type ActionType,
  type ConditionField,
  type ConditionModel,
  type ForwardConfigModel,
  type ListOf,
  type QueryPair,
  type RuleModel,
  type TransformModel,
  type TransformType,
  type Written,
} from './types';

const configKeyNames: ReadonlySet<string> = new Set(Object.values(conditionConfigKeys));

function oneOf<T extends string>(list: readonly T[], value: string | undefined): T | undefined {
  return list.find((item) => item === value);
}

/** Every `...Config` key of an object: the ones that select what a condition or action does. */
function configKeys(object: Node, isConfig: (name: string) => boolean): Array<Written & { name: string }> {
  return properties(object)
    .filter(({ name }) => isConfig(name))
    .map(({ key, value, name }) => ({ name, key: rangeOf(key), range: rangeOf(value) }));
}

export function readCondition(node: Node): ConditionModel {
  const fieldValue = field(node, 'Field', locatedString);
  const kind = oneOf<ConditionField>(conditionFields, fieldValue?.value);
  const configs = configKeys(node, (name) => configKeyNames.has(name));
  const own = kind ? written(node, conditionConfigKeys[kind])?.node : undefined;
  const topValues = valueList(node, 'Values');
  const topRegex = valueList(node, 'RegexValues');
  const configValues = kind === 'query-string' ? undefined : valueList(own, 'Values');
  const configRegexValues = valueList(own, 'RegexValues');
  const queryList = kind === 'query-string' ? written(own, 'Values') : undefined;
  const queryPairs: QueryPair[] = elements(queryList?.node).map((pair) => ({
    range: rangeOf(pair),
    key: field(pair, 'Key', locatedString),
    value: field(pair, 'Value', locatedString),
  }));
  return {
    range: rangeOf(node),
    field: fieldValue,
    kind,
    // Real describe-rules output carries both forms with the same values; the *Config one is authoritative.
    values: (configValues ?? topValues)?.items ?? [],
    regexValues: (configRegexValues ?? topRegex)?.items ?? [],
    headerName: kind === 'http-header' ? field(own, 'HttpHeaderName', locatedString) : undefined,
    queryPairs,
    forms: { values: topValues, regexValues: topRegex, configs, configValues, configRegexValues },
  };
}

function readForward(node: Node | undefined, key: Written | undefined): ForwardConfigModel | undefined {
  if (!node || !key) return undefined;
  const list = written(node, 'TargetGroups');
  const sticky = written(node, 'TargetGroupStickinessConfig');
  return {
    key: key.key,
    range: key.range,
    targetGroups: elements(list?.node).map((group) => ({
      range: rangeOf(group),
      arn: field(group, 'TargetGroupArn', locatedString),
      ref: refOf(written(group, 'TargetGroupArn')?.node),
      weight: field(group, 'Weight', locatedNumber),
    })),
    targetGroupsList: list ? { key: list.key, range: list.range } : undefined,
    stickiness: sticky
      ? {
          key: sticky.key,
          range: sticky.range,
          enabled: field(sticky.node, 'Enabled', locatedBoolean),
          duration: field(sticky.node, 'DurationSeconds', locatedNumber),
        }
      : undefined,
  };
}

export function readAction(node: Node): ActionModel {
  const type = field(node, 'Type', locatedString);
  const forward = written(node, 'ForwardConfig');
  const redirect = written(node, 'RedirectConfig');
  const fixed = written(node, 'FixedResponseConfig');
  return {
    range: rangeOf(node),
    type,
    kind: oneOf<ActionType>(actionTypes, type?.value),
    order: field(node, 'Order', locatedNumber),
    targetGroupArn: field(node, 'TargetGroupArn', locatedString),
    targetGroupRef: refOf(written(node, 'TargetGroupArn')?.node),
    forward: readForward(forward?.node, forward),
    redirect: redirect
      ? {
          key: redirect.key,
          range: redirect.range,
          protocol: field(redirect.node, 'Protocol', locatedText),
          port: field(redirect.node, 'Port', locatedText),
          host: field(redirect.node, 'Host', locatedText),
          path: field(redirect.node, 'Path', locatedText),
          query: field(redirect.node, 'Query', locatedText),
          statusCode: field(redirect.node, 'StatusCode', locatedText),
        }
      : undefined,
    fixedResponse: fixed
      ? {
          key: fixed.key,
          range: fixed.range,
          statusCode: field(fixed.node, 'StatusCode', locatedText),
          contentType: field(fixed.node, 'ContentType', locatedText),
          messageBody: field(fixed.node, 'MessageBody', locatedText),
        }
      : undefined,
    configs: configKeys(node, (name) => name.endsWith('Config')),
  };
}

export function readTransform(node: Node): TransformModel {
  const type = field(node, 'Type', locatedString);
  const kind = oneOf<TransformType>(transformTypes, type?.value);
  const config = kind === 'host-header-rewrite' ? 'HostHeaderRewriteConfig' : kind === 'url-rewrite' ? 'UrlRewriteConfig' : undefined;
  const own = config ? written(node, config)?.node : undefined;
  return {
    range: rangeOf(node),
    type,
    kind,
    rewrites: elements(written(own, 'Rewrites')?.node).map((rewrite) => ({
      range: rangeOf(rewrite),
      regex: field(rewrite, 'Regex', locatedString),
      replace: field(rewrite, 'Replace', locatedString),
    })),
    configs: configKeys(node, (name) => name.endsWith('Config')),
  };
}

export function listOf<T>(object: Node | undefined, key: string, read: (node: Node) => T): ListOf<T> | undefined {
  const found = written(object, key);
  if (!found) return undefined;
  return { key: found.key, range: found.range, items: elements(found.node).map(read) };
}

/** How a rule is named in messages and in the preview. */
export function ruleLabel(priority: unknown, isDefault: boolean, logicalId?: string): string {
  if (isDefault) return 'the default rule';
  if (logicalId) return `rule ${logicalId}`;
  return priority === undefined ? 'the rule' : `rule ${String(priority)}`;
}

/** A rule object: describe-rules' `Rules[n]`, a create-rule input, or a ListenerRule's `Properties`. */
export function readRule(node: Node, options: { logicalId?: string; range?: Node } = {}): RuleModel {
  const priorityNode = written(node, 'Priority');
  const priority = priorityNode
    ? { ...(priorityNode.node.type === 'string' ? locatedString(priorityNode.node) : locatedNumber(priorityNode.node)), key: priorityNode.key }
    : undefined;
  const isDefault = field(node, 'IsDefault', locatedBoolean)?.value === true || priority?.value === 'default';
  return {
    range: rangeOf(options.range ?? node),
    label: ruleLabel(priority?.value, isDefault, options.logicalId),
    priority,
    isDefault,
    conditions: listOf(node, 'Conditions', readCondition),
    actions: listOf(node, 'Actions', readAction),
    transforms: listOf(node, 'Transforms', readTransform),
    ...(options.logicalId !== undefined ? { logicalId: options.logicalId } : {}),
  };
}

/** A listener's `DefaultActions` as its default rule. */
export function readDefaultRule(listener: Node): RuleModel | undefined {
  const actions = listOf(listener, 'DefaultActions', readAction);
  if (!actions) return undefined;
  return {
    range: actions.range,
    label: 'the default rule',
    priority: undefined,
    isDefault: true,
    conditions: undefined,
    actions,
    transforms: undefined,
  };
}
