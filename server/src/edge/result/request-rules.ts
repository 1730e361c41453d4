import { getNodeValue, type Node } from 'jsonc-parser';
import { properties, propertyNode, propertyValue, stringValue } from '../../document/tree';
import { edgeDocs } from '../model/docs';
import { formatBytes, limitsOf } from '../model/triggers';
import { isBase64 } from '../event/base64';
import { describeValue } from '../event/names';
import { originFieldProblems, originKindProblems } from '../event/origin-rules';
import { fieldOf, violationAt, type ResultContext } from './context';
import { headerRules } from './headers';
import { ignored, truncated, validationError, type Violation } from './verdict';

/** Every part of a request must be a string where CloudFront sends one, an object where it sends one. */
const requestTypes: Readonly<Record<string, 'string' | 'object'>> = {
  clientIp: 'string',
  method: 'string',
  uri: 'string',
  querystring: 'string',
  headers: 'object',
  origin: 'object',
  body: 'object',
};

/** The longest URI, query string included, CloudFront accepts from a function. */
const maxUriLength = 8192;

/** The rules for a request a request trigger returns, for CloudFront to go on with. */
export function* requestRules(context: ResultContext): Iterable<Violation> {
  const { root, input } = context;
  for (const [name, type] of Object.entries(requestTypes)) {
    const value = propertyValue(root, name);
    if (value && value.type !== type) {
      yield violationAt(value, 'result.field-type', `"${name}" must be ${type === 'string' ? 'a string' : 'an object'}, not ${describeValue(value)}.`, validationError, edgeDocs.requestFields);
    }
  }
  for (const name of ['clientIp', 'method']) {
    const value = propertyValue(root, name);
    const before = fieldOf(input?.request, name);
    if (value && before !== undefined && getNodeValue(value) !== before) {
      yield violationAt(value, 'result.read-only-field', `"${name}" is read-only: the function changed it from ${JSON.stringify(before)}, and CloudFront rejects the result.`, validationError, edgeDocs.requestFields);
    }
  }
  yield* uriRules(root);
  const headers = propertyValue(root, 'headers');
  if (headers?.type === 'object') yield* headerRules(context, headers, 'request', input?.request === undefined ? undefined : fieldOf(input.request, 'headers') ?? {});
  const origin = propertyValue(root, 'origin');
  if (origin?.type === 'object' && context.trigger === 'origin-request') yield* originRules(context, origin, headers);
  const body = propertyValue(root, 'body');
  if (body?.type === 'object') yield* bodyRules(context, body);
}

function* uriRules(root: Node): Iterable<Violation> {
  const uri = propertyValue(root, 'uri');
  const uriText = stringValue(uri);
  if (uri && uriText !== undefined && !uriText.startsWith('/')) {
    yield violationAt(uri, 'result.uri', `The uri "${uriText}" must start with "/".`, validationError, edgeDocs.requestFields);
  }
  const query = propertyValue(root, 'querystring');
  const queryText = stringValue(query) ?? '';
  if (query && /[\s\u0000-\u001f\u007f#]/.test(queryText)) {
    yield violationAt(query, 'result.querystring', 'A query string a function sets cannot hold spaces, control characters or "#"; percent-encode them.', validationError, edgeDocs.queryStrings);
  }
  const length = (uriText ?? '').length + (queryText ? queryText.length + 1 : 0);
  if (uri && length >= maxUriLength) {
    yield violationAt(uri, 'result.uri-length', `The URI with its query string is ${length} characters; CloudFront accepts fewer than ${maxUriLength.toLocaleString('en')}.`, validationError, edgeDocs.uri);
  }
}

function* originRules(context: ResultContext, origin: Node, requestHeaders: Node | undefined): Iterable<Violation> {
  const key = origin.parent?.children?.[0] ?? origin;
  for (const { node, message } of originKindProblems(origin, key)) yield violationAt(node, 'result.origin', message, validationError, edgeDocs.requestFields);
  const requestNames = new Set(properties(requestHeaders).map((p) => p.name.toLowerCase()));
  for (const kind of ['custom', 's3'] as const) {
    const node = propertyValue(origin, kind);
    if (node?.type !== 'object') continue;
    for (const problem of originFieldProblems(kind, node)) yield violationAt(problem.node, 'result.origin', problem.message, validationError, edgeDocs.requestFields);
    const custom = propertyValue(node, 'customHeaders');
    if (custom?.type !== 'object') continue;
    yield* headerRules(context, custom, 'origin', undefined);
    for (const { key: headerKey, name } of properties(custom)) {
      if (requestNames.has(name.toLowerCase())) {
        yield violationAt(headerKey, 'result.origin', `"${name}" is also in request.headers; a custom origin header cannot repeat a request header.`, validationError, edgeDocs.requestFields);
      }
    }
  }
}

/** "Include body": what a function may do with the request body, and what CloudFront makes of it. */
function* bodyRules(context: ResultContext, body: Node): Iterable<Violation> {
  const action = stringValue(propertyValue(body, 'action')) ?? 'read-only';
  const encodingNode = propertyValue(body, 'encoding');
  const encoding = stringValue(encodingNode) ?? 'base64';
  const data = propertyValue(body, 'data');
  const before = fieldOf(context.input?.request, 'body');
  const actionNode = propertyValue(body, 'action');
  if (actionNode && action !== 'read-only' && action !== 'replace') {
    yield violationAt(actionNode, 'result.body', `"${action}" is not a body action: "read-only" or "replace".`, validationError, edgeDocs.requestFields);
  }
  if (encodingNode && encoding !== 'base64' && encoding !== 'text') {
    yield violationAt(encodingNode, 'result.body', `"${encoding}" is not a body encoding: "base64" or "text".`, validationError, edgeDocs.requestFields);
  }
  const truncatedNode = propertyNode(body, 'inputTruncated')?.children?.[1];
  const truncatedBefore = fieldOf(before, 'inputTruncated');
  if (truncatedNode && truncatedBefore !== undefined && getNodeValue(truncatedNode) !== truncatedBefore) {
    yield violationAt(truncatedNode, 'result.read-only-field', '"inputTruncated" is read-only: the function changed it, and CloudFront rejects the result.', validationError, edgeDocs.requestBody);
  }
  // With an unknown action, what CloudFront would do with the data is moot.
  if (action !== 'read-only' && action !== 'replace') return;
  if (data && data.type !== 'string') {
    yield violationAt(data, 'result.body', `The body data must be a string, not ${describeValue(data)}.`, validationError, edgeDocs.requestFields);
    return;
  }
  const dataText = stringValue(data);
  if (action !== 'replace') {
    const changed = data && context.input !== undefined && (before === undefined || dataText !== fieldOf(before, 'data') || encoding !== (fieldOf(before, 'encoding') ?? 'base64'));
    if (changed) yield violationAt(data, 'result.body-ignored', 'The body changed but its action is "read-only": CloudFront ignores the change and sends the original body. Set action to "replace".', ignored, edgeDocs.requestFields);
    return;
  }
  if (!data || dataText === undefined) return;
  if (encoding === 'base64' && !isBase64(dataText)) {
    yield violationAt(data, 'result.body', 'The body data is not valid base64, as its encoding says it is: CloudFront returns an error.', validationError, edgeDocs.requestFields);
    return;
  }
  const limits = limitsOf(context.trigger);
  const [size, limit] = encoding === 'base64' ? [dataText.length, limits.base64BodyBytes] : [Buffer.byteLength(dataText), limits.textBodyBytes];
  if (size > limit) {
    yield violationAt(data, 'result.body-size', `The replaced body is ${formatBytes(size)} as ${encoding}; CloudFront truncates ${context.trigger} bodies at ${formatBytes(limit)} ${encoding === 'base64' ? 'of base64' : 'of text'}.`, truncated, edgeDocs.requestBody);
  }
}

