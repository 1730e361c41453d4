import type { Node } from 'jsonc-parser';
import type { Fix } from '../../language/finding';
import { elements, propertyNode, propertyValue, stringValue } from '../../document/tree';
import { headerKeyAsSent } from '../model/headers';
import { replaceFix, toStringFix } from './edits';
import { describeValue } from './names';

/** A located problem with a header entry, and the fix when there is an obvious one. */
export interface HeaderProblem {
  readonly node: Node;
  readonly message: string;
  readonly fix?: Fix;
}

/**
 * The rules every header map entry follows, in events and in what a function
 * returns alike: an array of `{key?, value}` objects, `key` naming the same
 * header as the map key, `value` a string without line breaks.
 */
export function* entryShapeProblems(name: string, value: Node, text: string): Iterable<HeaderProblem> {
  if (value.type !== 'array') {
    const functionsShape = value.type === 'object' && propertyValue(value, 'value') !== undefined;
    const fix = wrapFix(text, name, value);
    yield {
      node: value,
      message: `Header "${name}" must be an array of {key, value} objects${functionsShape ? ' ({"value": ...} alone is CloudFront Functions\' shape)' : `, not ${describeValue(value)}`}; CloudFront says "Each header entry in the headers object must be an array."`,
      ...(fix ? { fix } : {}),
    };
    return;
  }
  for (const item of elements(value)) {
    if (item.type !== 'object') yield { node: item, message: `Each value of header "${name}" is an object {key, value}, not ${describeValue(item)}.` };
    else if (!propertyNode(item, 'value')) yield { node: item, message: `This entry of header "${name}" lacks "value".` };
  }
}

export function* keyProblems(name: string, item: Node): Iterable<HeaderProblem> {
  const key = propertyValue(item, 'key');
  if (!key) return;
  const fix = replaceFix(`Change the key to "${headerKeyAsSent(name)}"`, key, JSON.stringify(headerKeyAsSent(name)));
  const text = stringValue(key);
  if (text === undefined) {
    yield { node: key, message: `The key of header "${name}" must be a string (the header's name), not ${describeValue(key)}.`, fix };
  } else if (text.toLowerCase() !== name.toLowerCase()) {
    yield { node: key, message: `The key "${text}" does not match the header name "${name}": CloudFront sends the header under its key, so both must name the same header.`, fix };
  }
}

export function* valueProblems(name: string, item: Node): Iterable<HeaderProblem> {
  const value = propertyValue(item, 'value');
  if (!value) return;
  const text = stringValue(value);
  if (text === undefined) {
    const fix = toStringFix(value);
    yield {
      node: value,
      message: `The value of header "${name}" must be a string, not ${describeValue(value)}: CloudFront sends strings, and rejects others ("the value of each header value must be of string or array of string type").`,
      ...(fix ? { fix } : {}),
    };
  } else if (/[\r\n]/.test(text)) {
    yield { node: value, message: `The value of header "${name}" holds a line break (CR or LF), which no HTTP header value can.` };
  }
}

/** `"text"` or `{"value": "text"}` → `[{"key": "Name", "value": "text"}]`. */
function wrapFix(text: string, name: string, value: Node): Fix | undefined {
  const inner = value.type === 'object' ? propertyValue(value, 'value') : value;
  if (inner?.type !== 'string') return undefined;
  const valueText = text.slice(inner.offset, inner.offset + inner.length);
  return replaceFix('Make it an array of {key, value}', value, `[{ "key": ${JSON.stringify(headerKeyAsSent(name))}, "value": ${valueText} }]`);
}
