import type { Node } from 'jsonc-parser';
import { elements, propertyNode, propertyValue, stringValue } from '../../document/tree';
import type { TextRange } from '../../language/finding';
import type { Located, ValueList, Written } from './types';

export function rangeOf(node: Node): TextRange {
  return { offset: node.offset, length: node.length };
}

/** A string literal; anything else (a CloudFormation expression) reads as unknown. */
export function locatedString(node: Node): Located<string> {
  return { value: node.type === 'string' && typeof node.value === 'string' ? node.value : undefined, range: rangeOf(node) };
}

/** X of a CloudFormation `{"Ref": "X"}`. */
export function refOf(node: Node | undefined): string | undefined {
  return node?.type === 'object' ? stringValue(propertyValue(node, 'Ref')) : undefined;
}

/** A number, also when written as a string of digits (CloudFormation and the CLI coerce them). */
export function locatedNumber(node: Node): Located<number> {
  const raw: unknown = node.value;
  let value: number | undefined;
  if (node.type === 'number' && typeof raw === 'number') value = raw;
  else if (node.type === 'string' && typeof raw === 'string' && /^-?\d+(\.\d+)?$/.test(raw.trim())) value = Number(raw.trim());
  return { value, range: rangeOf(node) };
}

/** A boolean, also when written "true" or "false". */
export function locatedBoolean(node: Node): Located<boolean> {
  const raw: unknown = node.value;
  let value: boolean | undefined;
  if (node.type === 'boolean' && typeof raw === 'boolean') value = raw;
  else if (raw === 'true' || raw === 'false') value = raw === 'true';
  return { value, range: rangeOf(node) };
}

/** A scalar that AWS takes as a string: a number written for `Port` or `StatusCode` is its digits. */
export function locatedText(node: Node): Located<string> {
  if (node.type === 'number' && typeof node.value === 'number') return { value: String(node.value), range: rangeOf(node) };
  return locatedString(node);
}

/** The property `key` of an object, as written; the last one when it repeats, as JSON.parse does. */
export function written(object: Node | undefined, key: string): (Written & { node: Node }) | undefined {
  const property = propertyNode(object, key);
  const keyNode = property?.children?.[0];
  const value = property?.children?.[1];
  if (!keyNode || !value) return undefined;
  return { key: rangeOf(keyNode), range: rangeOf(value), node: value };
}

export function field<T>(object: Node | undefined, key: string, read: (node: Node) => Located<T>): Located<T> | undefined {
  const found = written(object, key);
  return found ? read(found.node) : undefined;
}

/** A list of strings; a single string where a list belongs is read as a list of one. */
export function valueList(object: Node | undefined, key: string): ValueList | undefined {
  const found = written(object, key);
  if (!found) return undefined;
  const items = found.node.type === 'array' ? elements(found.node).map(locatedString) : [locatedString(found.node)];
  return { key: found.key, range: found.range, items };
}

