import { getNodeValue, type Node } from 'jsonc-parser';
import { elements, properties } from '../../document/tree';
import { edgeDocs } from '../model/docs';
import { isDisallowedHeader, isReadOnlyHeader, type HeaderMapPlace } from '../model/headers';
import { entryShapeProblems, keyProblems, valueProblems } from '../event/header-rules';
import { headerNames, headerValues, violationAt, type ResultContext } from './context';
import { validationError, type Violation } from './verdict';

/**
 * The rules for a header map a function returns: every entry well formed,
 * no disallowed header, and, where the input event is known, no read-only
 * header of this trigger added, changed or removed.
 */
export function* headerRules(context: ResultContext, map: Node, place: HeaderMapPlace, input: unknown): Iterable<Violation> {
  for (const { key, value, name } of properties(map)) {
    for (const problem of entryShapeProblems(name, value, context.document.text)) {
      yield violationAt(problem.node, 'result.header-shape', problem.message, validationError, edgeDocs.validationErrors);
    }
    for (const item of elements(value).filter((i) => i.type === 'object')) {
      for (const problem of [...keyProblems(name, item), ...valueProblems(name, item)]) {
        yield violationAt(problem.node, 'result.header-value', problem.message, validationError, edgeDocs.validationErrors);
      }
    }
    if (isDisallowedHeader(name)) {
      yield violationAt(key, 'result.disallowed-header', `"${name}" is a disallowed header: CloudFront rejects a function that adds it.`, validationError, edgeDocs.disallowedHeaders);
    }
    if (context.trigger === 'viewer-request' && place === 'request' && name.toLowerCase() === 'cloudfront-viewer-country' && headerValues(input, name) === undefined) {
      yield violationAt(key, 'result.viewer-country-header', 'A viewer-request function cannot add CloudFront-Viewer-Country: CloudFront adds it after this trigger and rejects the result.', validationError, edgeDocs.cloudFrontHeaders);
    }
  }
  if (input !== undefined && place !== 'origin') yield* readOnlyRules(context, map, input);
}

/** Read-only headers of this trigger, compared with the input: added, changed, or removed. */
function* readOnlyRules(context: ResultContext, map: Node, input: unknown): Iterable<Violation> {
  const returned = new Map(properties(map).map((p) => [p.name.toLowerCase(), p]));
  const names = new Set([...returned.keys(), ...headerNames(input).map((n) => n.toLowerCase())]);
  for (const name of names) {
    if (!isReadOnlyHeader(context.trigger, name)) continue;
    const before = headerValues(input, inputName(input, name));
    const property = returned.get(name);
    const after = property ? valuesOf(property.value) : undefined;
    const what = before === undefined ? 'adds' : after === undefined ? 'removes' : JSON.stringify(before) !== JSON.stringify(after) ? 'changes' : undefined;
    if (!what) continue;
    const node = property?.key ?? map;
    yield violationAt(node, 'result.read-only-header', `The function ${what} "${name}", which is read-only in ${context.trigger} events: CloudFront rejects the result.`, validationError, edgeDocs.readOnlyHeaders);
  }
}

/** The input map's spelling of a name (maps are lower case, but a fixture may not be). */
function inputName(input: unknown, lower: string): string {
  return headerNames(input).find((n) => n.toLowerCase() === lower) ?? lower;
}

function valuesOf(entry: Node): string[] | undefined {
  const value: unknown = getNodeValue(entry);
  if (!Array.isArray(value)) return undefined;
  return value.map((item: unknown) => String((item as { value?: unknown } | null)?.value ?? ''));
}
