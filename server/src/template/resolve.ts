import type { Node } from 'jsonc-parser';
import { elements, properties, propertyValue, stringValue } from '../document/tree';
import { getAttParts, type TemplateResource } from './resources';

/** What the stack would know when deployed, as far as a local run can know it. */
export interface StackEnvironment {
  /** Parameter values: overrides, else the template's defaults. */
  readonly parameters: ReadonlyMap<string, string>;
  /** Parameters the template declares without a Default, not overridden: naming one is an error that says how to give it. */
  readonly missingParameters: ReadonlySet<string>;
  readonly region: string;
  readonly accountId: string;
  readonly stackName: string;
  readonly partition: string;
  readonly urlSuffix: string;
  readonly mappings: Node | undefined;
  readonly conditions: Node | undefined;
  readonly resources: ReadonlyMap<string, TemplateResource>;
}

/** A value a local run cannot know, and why, located at the intrinsic that asks for it. */
export interface Unresolved {
  readonly message: string;
  readonly node: Node;
}

export type Resolution = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly unresolved: Unresolved };

/** `!Ref AWS::NoValue`: the property is left out. */
export const noValue: unique symbol = Symbol('AWS::NoValue');

class Unresolvable extends Error {
  constructor(readonly unresolved: Unresolved) {
    super(unresolved.message);
  }
}

/**
 * A template value with its intrinsic functions evaluated as CloudFormation
 * would for this stack: parameters, pseudo parameters, mappings, conditions,
 * `Fn::Sub`/`Join`/`Select`/`Split`/`If`/`FindInMap`/`Base64`. What only a
 * deployed stack knows (a resource's name or attributes, imports) is
 * unresolved, with a message naming it, never a silent empty value.
 */
export function resolveValue(node: Node, stack: StackEnvironment): Resolution {
  try {
    return { ok: true, value: evaluate(node, stack, 0) };
  } catch (error) {
    if (error instanceof Unresolvable) return { ok: false, unresolved: error.unresolved };
    throw error;
  }
}

/** Intrinsics nest; templates never nest deeper than this, so deeper is a mistake, not a value. */
const depthLimit = 64;

function evaluate(node: Node, stack: StackEnvironment, depth: number): unknown {
  if (depth > depthLimit) fail(node, 'intrinsic functions nested too deeply to evaluate');
  switch (node.type) {
    case 'object': {
      const entries = properties(node);
      const only = entries.length === 1 ? entries[0] : undefined;
      if (only && (only.name === 'Ref' || only.name.startsWith('Fn::') || only.name === 'Condition')) return intrinsic(only.name, only.value, node, stack, depth);
      const out: Record<string, unknown> = {};
      for (const { name, value } of entries) {
        const resolved = evaluate(value, stack, depth + 1);
        if (resolved !== noValue) out[name] = resolved;
      }
      return out;
    }
    case 'array':
      return elements(node).map((e) => evaluate(e, stack, depth + 1)).filter((v) => v !== noValue);
    case 'string':
    case 'number':
    case 'boolean':
    case 'null':
      return node.value;
    case 'property':
      return fail(node, 'a property where a value belongs');
  }
}

function intrinsic(name: string, argument: Node, node: Node, stack: StackEnvironment, depth: number): unknown {
  const next = depth + 1;
  switch (name) {
    case 'Ref':
      return ref(stringValue(argument) ?? '', argument, stack);
    case 'Condition':
      return condition(stringValue(argument) ?? '', argument, stack, next);
    case 'Fn::Sub':
      return substitute(argument, stack, next);
    case 'Fn::Join': {
      const [delimiter, list] = elements(argument);
      const parts = list ? evaluate(list, stack, next) : undefined;
      if (!delimiter || !Array.isArray(parts)) return fail(node, 'Fn::Join takes [delimiter, [values]]');
      return parts.map((p) => scalarText(p, node)).join(String(evaluate(delimiter, stack, next)));
    }
    case 'Fn::Select': {
      const [index, list] = elements(argument);
      const values = list ? evaluate(list, stack, next) : undefined;
      const at = index ? Number(evaluate(index, stack, next)) : NaN;
      if (!Array.isArray(values) || !Number.isInteger(at) || at < 0 || at >= values.length) return fail(node, 'Fn::Select takes [index, [values]] with the index inside the list');
      return values[at];
    }
    case 'Fn::Split': {
      const [delimiter, text] = elements(argument);
      if (!delimiter || !text) return fail(node, 'Fn::Split takes [delimiter, text]');
      return scalarText(evaluate(text, stack, next), node).split(String(evaluate(delimiter, stack, next)));
    }
    case 'Fn::FindInMap': {
      const [map, top, second] = elements(argument).map((e) => (e ? scalarText(evaluate(e, stack, next), e) : ''));
      const found = propertyValue(propertyValue(propertyValue(stack.mappings, map ?? ''), top ?? ''), second ?? '');
      return found ? evaluate(found, stack, next) : fail(node, `Mappings has no ${map}.${top}.${second}`);
    }
    case 'Fn::If': {
      const [conditionName, whenTrue, whenFalse] = elements(argument);
      const chosen = condition(stringValue(conditionName) ?? '', conditionName ?? argument, stack, next) ? whenTrue : whenFalse;
      return chosen ? evaluate(chosen, stack, next) : fail(node, 'Fn::If takes [condition, value if true, value if false]');
    }
    case 'Fn::Equals': {
      const [a, b] = elements(argument).map((e) => evaluate(e, stack, next));
      return JSON.stringify(a) === JSON.stringify(b);
    }
    case 'Fn::Not':
      return !truth(elements(argument)[0], stack, next);
    case 'Fn::And':
      return elements(argument).every((e) => truth(e, stack, next));
    case 'Fn::Or':
      return elements(argument).some((e) => truth(e, stack, next));
    case 'Fn::Base64':
      return Buffer.from(scalarText(evaluate(argument, stack, next), node)).toString('base64');
    case 'Fn::ToJsonString':
      return JSON.stringify(evaluate(argument, stack, next));
    case 'Fn::Length': {
      const list = evaluate(argument, stack, next);
      return Array.isArray(list) ? list.length : fail(node, 'Fn::Length takes a list');
    }
    case 'Fn::GetAtt': {
      const [resource, attribute] = getAttParts(argument);
      return fail(node, `${resource}.${attribute} is an attribute of a deployed resource, which a local run does not have`);
    }
    case 'Fn::ImportValue':
      return fail(node, 'Fn::ImportValue reads another stack\'s export, which a local run does not have');
    default:
      return fail(node, `${name} cannot be evaluated locally`);
  }
}

function ref(name: string, node: Node, stack: StackEnvironment): unknown {
  switch (name) {
    case 'AWS::Region':
      return stack.region;
    case 'AWS::AccountId':
      return stack.accountId;
    case 'AWS::StackName':
      return stack.stackName;
    case 'AWS::StackId':
      return `arn:${stack.partition}:cloudformation:${stack.region}:${stack.accountId}:stack/${stack.stackName}/00000000-0000-0000-0000-000000000000`;
    case 'AWS::Partition':
      return stack.partition;
    case 'AWS::URLSuffix':
      return stack.urlSuffix;
    case 'AWS::NoValue':
      return noValue;
    case 'AWS::NotificationARNs':
      return [];
  }
  const value = stack.parameters.get(name);
  if (value !== undefined) return value;
  if (stack.missingParameters.has(name)) return fail(node, `parameter ${name} has no Default: give it with --parameter-overrides ${name}=VALUE`);
  if (stack.resources.has(name)) return fail(node, `${name} is a resource of the stack: its name or id exists only once deployed`);
  return fail(node, `${name} is neither a parameter nor a resource of this template`);
}

function condition(name: string, node: Node, stack: StackEnvironment, depth: number): boolean {
  const definition = propertyValue(stack.conditions, name);
  if (!definition) return fail(node, `Conditions has no ${name}`);
  return truth(definition, stack, depth);
}

function truth(node: Node | undefined, stack: StackEnvironment, depth: number): boolean {
  if (!node) return false;
  const value = evaluate(node, stack, depth);
  return value === true || value === 'true';
}

/** `Fn::Sub`: `${Name}`, `${Name.Attr}` and `${!Literal}` in a string, with an optional map of its own variables. */
function substitute(argument: Node, stack: StackEnvironment, depth: number): string {
  const [templateNode, variablesNode] = argument.type === 'array' ? elements(argument) : [argument, undefined];
  const template = stringValue(templateNode);
  if (template === undefined || !templateNode) return fail(argument, 'Fn::Sub takes a string, or [string, {variables}]');
  return template.replace(/\$\{(!?)([^}]*)\}/g, (_, literal: string, name: string) => {
    if (literal) return `\${${name}}`;
    const own = propertyValue(variablesNode, name);
    if (own) return scalarText(evaluate(own, stack, depth), own);
    const dot = name.indexOf('.');
    if (dot > 0 && !name.startsWith('AWS::')) return fail(templateNode, `${name} in Fn::Sub is an attribute of a deployed resource, which a local run does not have`);
    return scalarText(ref(name, templateNode, stack), templateNode);
  });
}

function scalarText(value: unknown, node: Node): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return fail(node, 'a list or object where a string belongs');
}

function fail(node: Node, message: string): never {
  throw new Unresolvable({ node, message });
}
