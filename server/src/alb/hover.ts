import type { Node } from 'jsonc-parser';
import { isPropertyKey, propertyValue, stringValue } from '../document/tree';
import type { CursorContext } from '../language/domain';
import type { HoverResult } from '../language/finding';
import { fieldHovers, keyHovers, markdown, placeholderHovers, typeHovers, type HoverEntry } from './hover-text';
import { valueSpan } from '../document/string-span';
import { rangeOf } from './model/located';

/** The name of the property whose value `node` is (or whose key it is). */
function propertyName(node: Node): string | undefined {
  const property = node.parent?.type === 'property' ? node.parent : undefined;
  const key = property?.children?.[0];
  return typeof key?.value === 'string' ? key.value : undefined;
}

/** The name of the property holding the object that holds `node`'s property (`RedirectConfig` for its `StatusCode`). */
function enclosingName(node: Node): string | undefined {
  const object = node.parent?.parent;
  return object?.parent?.type === 'property' ? propertyName(object) : undefined;
}

/** The condition object a value belongs to, whichever form it is written in. */
function conditionField(node: Node): string | undefined {
  for (let at: Node | undefined = node.parent; at; at = at.parent) {
    if (at.type === 'object') {
      const field = stringValue(propertyValue(at, 'Field'));
      if (field !== undefined) return field;
    }
  }
  return undefined;
}

/** Explains what is under the cursor in an ALB document: fields, types, placeholders, keys, match strings. */
export function albHover(context: CursorContext): HoverResult | undefined {
  const node = context.node;
  if (!node) return undefined;
  if (isPropertyKey(node)) {
    const name = typeof node.value === 'string' ? node.value : '';
    const item = keyHovers[`${enclosingName(node) ?? ''}.${name}`] ?? keyHovers[name];
    return item && { markdown: markdown(item), range: rangeOf(node) };
  }
  const text = stringValue(node);
  if (text === undefined) return undefined;
  const placeholder = placeholderAt(context, node, text);
  if (placeholder) return placeholder;
  const property = propertyName(node);
  let item: HoverEntry | undefined;
  if (property === 'Field') item = fieldHovers[text];
  else if (property === 'Type') item = typeHovers[text];
  else item = matchStringHover(node, text);
  return item && { markdown: markdown(item), range: rangeOf(node) };
}

function placeholderAt(context: CursorContext, node: Node, text: string): HoverResult | undefined {
  for (const match of text.matchAll(/#\{[a-z]+\}/g)) {
    const range = valueSpan(context.document.text, rangeOf(node), match.index, match[0].length);
    const item = placeholderHovers[match[0]];
    if (item && context.offset >= range.offset && context.offset <= range.offset + range.length) return { markdown: markdown(item), range };
  }
  return undefined;
}

/** A value of a condition: how it is compared, in words. */
function matchStringHover(node: Node, text: string): HoverEntry | undefined {
  const list = node.parent;
  const listName = list?.type === 'array' ? propertyName(list) : undefined;
  if (listName !== 'Values' && listName !== 'RegexValues') return undefined;
  const field = conditionField(node);
  const base = field ? fieldHovers[field] : undefined;
  if (!base) return undefined;
  if (listName === 'RegexValues') return { ...base, title: `regex \`${text}\``, text: `Matched against the ${field === 'path-pattern' ? 'path' : field === 'host-header' ? 'Host header' : 'header value'} anywhere in it unless anchored with ^ and $. ${base.text}` };
  const wildcards = (text.match(/(?<!\\)[*?]/g) ?? []).length;
  const how = wildcards === 0 ? 'compared exactly' : `with ${wildcards} wildcard${wildcards === 1 ? '' : 's'}`;
  return { ...base, title: `${field ?? ''} value \`${text}\` (${how})` };
}
