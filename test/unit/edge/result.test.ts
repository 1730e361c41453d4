import assert from 'node:assert/strict';
import { checkResult, checkResultText } from '../../../server/src/edge/result/check-result';
import { describeConsequence, type ResultVerdict } from '../../../server/src/edge/result/verdict';
import type { Trigger } from '../../../server/src/edge/model/triggers';
import { cfOf, docsEvent, type EventData } from './events';

/** One expected violation: rule, where (dotted path in the result), consequence and, optionally, message. */
type Expected = readonly [rule: string, at: string, consequence: string, message?: string | RegExp];

interface Case {
  readonly name: string;
  readonly trigger: Trigger;
  /** Builds the result from the docs' example event of the trigger (which is also the input event unless `noEvent`). */
  readonly result: (cf: Record<string, any>) => unknown;
  readonly noEvent?: boolean;
  readonly outcome: ResultVerdict['outcome'];
  readonly violations: readonly Expected[];
}

const headers = (entries: Record<string, string>) => Object.fromEntries(Object.entries(entries).map(([name, value]) => [name, [{ key: name, value }]]));

const cases: readonly Case[] = [
  // What CloudFront accepts.
  { name: 'a viewer request returned unchanged', trigger: 'viewer-request', result: (cf) => cf['request'], outcome: 'forward-request', violations: [] },
  { name: 'a rewritten uri and a new header', trigger: 'viewer-request', result: (cf) => ({ ...cf['request'], uri: '/index.html', headers: { ...cf['request'].headers, 'x-experiment': [{ value: 'b' }] } }), outcome: 'forward-request', violations: [] },
  { name: 'Host changed in an origin request, with a new origin', trigger: 'origin-request', result: (cf) => ({ ...cf['request'], headers: { ...cf['request'].headers, host: [{ key: 'Host', value: 'amzn-s3-demo-bucket.s3.amazonaws.com' }] }, origin: { s3: { authMethod: 'none', customHeaders: {}, domainName: 'amzn-s3-demo-bucket.s3.amazonaws.com', path: '' } } }), outcome: 'forward-request', violations: [] },
  { name: 'a redirect generated in a viewer request', trigger: 'viewer-request', result: () => ({ status: '302', statusDescription: 'Found', headers: headers({ location: 'https://example.com/' }) }), outcome: 'generated-response', violations: [] },
  { name: 'an origin response with a new status and body', trigger: 'origin-response', result: (cf) => ({ ...cf['response'], status: '200', body: '<h1>Maintenance</h1>' }), outcome: 'return-response', violations: [] },
  { name: 'a viewer response with a security header', trigger: 'viewer-response', result: (cf) => ({ ...cf['response'], headers: { ...cf['response'].headers, 'strict-transport-security': [{ value: 'max-age=63072000' }] } }), outcome: 'return-response', violations: [] },

  // The shape of the result.
  { name: 'nothing (callback(null) or no return)', trigger: 'viewer-request', result: () => undefined, outcome: undefined, violations: [['result.not-an-object', '', '502 LambdaValidationError', /^The function returned null; CloudFront says "The Lambda function returned invalid JSON: The JSON output must be an object type\." Return event\.Records\[0\]\.cf\.request \(or a response\)\.$/]] },
  { name: 'the whole event', trigger: 'origin-response', result: () => docsEvent('origin-response'), outcome: undefined, violations: [['result.whole-event', 'Records', '502 LambdaValidationError', 'The function returned the whole event; return event.Records[0].cf.response.']] },
  { name: 'the record', trigger: 'viewer-request', result: (cf) => cf, outcome: undefined, violations: [['result.whole-event', 'config', '502 LambdaValidationError', /returned the whole record/]] },
  { name: 'a request from a response trigger', trigger: 'origin-response', result: (cf) => cf['request'], outcome: 'return-response', violations: [['result.wrong-kind', '', '502 LambdaValidationError', 'An origin-response function returns the response (with "status"); this looks like a request.']] },

  // A returned request.
  { name: 'clientIp and method changed', trigger: 'viewer-request', result: (cf) => ({ ...cf['request'], clientIp: '198.51.100.1', method: 'POST' }), outcome: 'forward-request', violations: [
    ['result.read-only-field', 'clientIp', '502 LambdaValidationError', '"clientIp" is read-only: the function changed it from "203.0.113.178", and CloudFront rejects the result.'],
    ['result.read-only-field', 'method', '502 LambdaValidationError'],
  ] },
  { name: 'a uri without slash and a query string with a space', trigger: 'viewer-request', result: (cf) => ({ ...cf['request'], uri: 'index.html', querystring: 'q=a b' }), outcome: 'forward-request', violations: [
    ['result.uri', 'uri', '502 LambdaValidationError', 'The uri "index.html" must start with "/".'],
    ['result.querystring', 'querystring', '502 LambdaValidationError'],
  ] },
  { name: 'a URI of 8,192 characters', trigger: 'origin-request', result: (cf) => ({ ...cf['request'], uri: `/${'a'.repeat(8000)}`, querystring: 'b'.repeat(190) }), outcome: 'forward-request', violations: [['result.uri-length', 'uri', '502 LambdaValidationError', 'The URI with its query string is 8192 characters; CloudFront accepts fewer than 8,192.']] },
  { name: 'a querystring number', trigger: 'viewer-request', result: (cf) => ({ ...cf['request'], querystring: 1 }), outcome: 'forward-request', violations: [['result.field-type', 'querystring', '502 LambdaValidationError', '"querystring" must be a string, not the number 1.']] },
  { name: 'Host changed in a viewer request', trigger: 'viewer-request', result: (cf) => ({ ...cf['request'], headers: { ...cf['request'].headers, host: [{ key: 'Host', value: 'other.example' }] } }), outcome: 'forward-request', violations: [['result.read-only-header', 'headers.host', '502 LambdaValidationError', 'The function changes "host", which is read-only in viewer-request events: CloudFront rejects the result.']] },
  { name: 'Via removed in an origin request', trigger: 'origin-request', result: (cf) => {
    const { via: _via, ...rest } = cf['request'].headers;
    return { ...cf['request'], headers: rest };
  }, outcome: 'forward-request', violations: [['result.read-only-header', 'headers', '502 LambdaValidationError', /^The function removes "via"/]] },
  { name: 'If-None-Match added in an origin request', trigger: 'origin-request', result: (cf) => ({ ...cf['request'], headers: { ...cf['request'].headers, 'if-none-match': [{ value: '"abc"' }] } }), outcome: 'forward-request', violations: [['result.read-only-header', 'headers.if-none-match', '502 LambdaValidationError', /^The function adds "if-none-match"/]] },
  { name: 'read-only headers unchecked without the event', trigger: 'viewer-request', noEvent: true, result: (cf) => ({ ...cf['request'], headers: { ...cf['request'].headers, host: [{ value: 'other.example' }] } }), outcome: 'forward-request', violations: [] },
  { name: 'disallowed headers added', trigger: 'viewer-request', result: (cf) => ({ ...cf['request'], headers: { ...cf['request'].headers, ...headers({ 'x-amz-cf-pop': 'IAD', connection: 'close' }) } }), outcome: 'forward-request', violations: [
    ['result.disallowed-header', 'headers.x-amz-cf-pop', '502 LambdaValidationError'],
    ['result.disallowed-header', 'headers.connection', '502 LambdaValidationError', '"connection" is a disallowed header: CloudFront rejects a function that adds it.'],
  ] },
  { name: 'CloudFront-Viewer-Country added in a viewer request', trigger: 'viewer-request', result: (cf) => ({ ...cf['request'], headers: { ...cf['request'].headers, ...headers({ 'cloudfront-viewer-country': 'US' }) } }), outcome: 'forward-request', violations: [['result.viewer-country-header', 'headers.cloudfront-viewer-country', '502 LambdaValidationError']] },
  { name: 'malformed headers', trigger: 'viewer-request', result: (cf) => ({ ...cf['request'], headers: { ...cf['request'].headers, 'x-a': { value: '1' }, 'x-b': [{ key: 'X-C', value: 2 }] } }), outcome: 'forward-request', violations: [
    ['result.header-shape', 'headers.x-a', '502 LambdaValidationError', /Each header entry in the headers object must be an array/],
    ['result.header-value', 'headers.x-b.0.key', '502 LambdaValidationError', /^The key "X-C" does not match the header name "x-b"/],
    ['result.header-value', 'headers.x-b.0.value', '502 LambdaValidationError', /^The value of header "x-b" must be a string, not the number 2/],
  ] },
  { name: 'an origin with both kinds and a bad port', trigger: 'origin-request', result: (cf) => ({ ...cf['request'], origin: { custom: { ...cf['request'].origin.custom, port: 22 }, s3: { authMethod: 'none', domainName: 'b.s3.amazonaws.com', path: '' } } }), outcome: 'forward-request', violations: [
    ['result.origin', 'origin.s3', '502 LambdaValidationError', 'An origin is either "custom" or "s3", not both.'],
    ['result.origin', 'origin.custom.port', '502 LambdaValidationError', 'The port must be 80, 443, or 1024 to 65535.'],
  ] },
  { name: 'a custom origin header that is disallowed and repeats a request header', trigger: 'origin-request', result: (cf) => ({ ...cf['request'], origin: { custom: { ...cf['request'].origin.custom, customHeaders: headers({ 'x-cache': 'x', host: 'a.example' }) } } }), outcome: 'forward-request', violations: [
    ['result.disallowed-header', 'origin.custom.customHeaders.x-cache', '502 LambdaValidationError'],
    ['result.origin', 'origin.custom.customHeaders.host', '502 LambdaValidationError', '"host" is also in request.headers; a custom origin header cannot repeat a request header.'],
  ] },

  // The request body ("Include body").
  { name: 'a replaced body in base64', trigger: 'viewer-request', result: (cf) => ({ ...cf['request'], body: { action: 'replace', encoding: 'base64', data: 'aGVsbG8=', inputTruncated: false } }), outcome: 'forward-request', violations: [] },
  { name: 'a replaced body that is not base64', trigger: 'viewer-request', result: (cf) => ({ ...cf['request'], body: { action: 'replace', encoding: 'base64', data: 'hello!', inputTruncated: false } }), outcome: 'forward-request', violations: [['result.body', 'body.data', '502 LambdaValidationError']] },
  { name: 'a body changed with action read-only', trigger: 'viewer-request', result: (cf) => ({ ...cf['request'], body: { action: 'read-only', encoding: 'text', data: 'changed', inputTruncated: false } }), outcome: 'forward-request', violations: [['result.body-ignored', 'body.data', 'ignored', /CloudFront ignores the change and sends the original body/]] },
  { name: 'a replaced text body over 40 KB', trigger: 'viewer-request', result: (cf) => ({ ...cf['request'], body: { action: 'replace', encoding: 'text', data: 'x'.repeat(41 * 1024) } }), outcome: 'forward-request', violations: [['result.body-size', 'body.data', 'truncated', 'The replaced body is 41 KB as text; CloudFront truncates viewer-request bodies at 40 KB of text.']] },
  { name: 'a bad action and encoding', trigger: 'origin-request', result: (cf) => ({ ...cf['request'], body: { action: 'rewrite', encoding: 'utf8', data: 'x' } }), outcome: 'forward-request', violations: [
    ['result.body', 'body.action', '502 LambdaValidationError'],
    ['result.body', 'body.encoding', '502 LambdaValidationError'],
  ] },

  // A generated or returned response.
  { name: 'API Gateway\'s shape', trigger: 'viewer-request', result: () => ({ statusCode: 200, body: 'ok' }), outcome: 'generated-response', violations: [['result.status', 'statusCode', '502 LambdaValidationError', '"statusCode" is the shape API Gateway and ALB read; a Lambda@Edge response has "status", a string such as "200".']] },
  { name: 'a status number', trigger: 'origin-request', result: () => ({ status: 200 }), outcome: 'generated-response', violations: [['result.status', 'status', '502 LambdaValidationError', '"status" must be a string such as "200", not the number 200.']] },
  { name: 'a status out of range', trigger: 'origin-response', result: (cf) => ({ ...cf['response'], status: '199' }), outcome: 'return-response', violations: [['result.status', 'status', '502 LambdaValidationError', 'The status "199" is not between 200 and 599: CloudFront returns an error to the viewer.']] },
  { name: 'a viewer response changing the status', trigger: 'viewer-response', result: (cf) => ({ ...cf['response'], status: '404' }), outcome: 'return-response', violations: [['result.viewer-response-status', 'status', '502 LambdaValidationError', 'A viewer-response function cannot change the status (from "200" to "404").']] },
  { name: 'a 204 with a body from a viewer request', trigger: 'viewer-request', result: () => ({ status: '204', body: 'gone' }), outcome: 'generated-response', violations: [['result.no-content-body', 'body', '502 LambdaValidationError']] },
  { name: 'a body that is an object', trigger: 'viewer-request', result: () => ({ status: '200', body: { a: 1 } }), outcome: 'generated-response', violations: [['result.body', 'body', '502 LambdaValidationError', /The body is not a string, is not an object, or exceeds the maximum size/]] },
  { name: 'a base64 body that is not base64', trigger: 'origin-request', result: () => ({ status: '200', body: 'not base64!', bodyEncoding: 'base64' }), outcome: 'generated-response', violations: [['result.body', 'body', '502 LambdaValidationError']] },
  { name: 'an unknown body encoding', trigger: 'origin-request', result: () => ({ status: '200', body: 'x', bodyEncoding: 'gzip' }), outcome: 'generated-response', violations: [['result.body', 'bodyEncoding', '502 LambdaValidationError']] },
  { name: 'a 41 KB response from a viewer request', trigger: 'viewer-request', result: () => ({ status: '200', body: 'x'.repeat(41 * 1024) }), outcome: 'generated-response', violations: [['result.response-size', 'body', '502 LambdaValidationError', /^The response is 41 KB with its headers and body; a viewer-request function's response may be at most 40 KB\./]] },
  { name: 'the same 41 KB from an origin request', trigger: 'origin-request', result: () => ({ status: '200', body: 'x'.repeat(41 * 1024) }), outcome: 'generated-response', violations: [] },
  { name: 'a 1.1 MB response from an origin response', trigger: 'origin-response', result: (cf) => ({ ...cf['response'], body: 'x'.repeat(1100 * 1024) }), outcome: 'return-response', violations: [['result.response-size', 'body', '502 LambdaValidationError', /at most 1 MB/]] },
  { name: 'Via changed in an origin response', trigger: 'origin-response', result: (cf) => ({ ...cf['response'], headers: { ...cf['response'].headers, via: [{ value: '1.1 proxy' }] } }), outcome: 'return-response', violations: [['result.read-only-header', 'headers.via', '502 LambdaValidationError', 'The function adds "via", which is read-only in origin-response events: CloudFront rejects the result.']] },
  { name: 'x-cache added to a viewer response', trigger: 'viewer-response', result: (cf) => ({ ...cf['response'], headers: { ...cf['response'].headers, ...headers({ 'x-cache': 'Hit' }) } }), outcome: 'return-response', violations: [['result.disallowed-header', 'headers.x-cache', '502 LambdaValidationError']] },
];

describe('edge result rules', () => {
  for (const c of cases) {
    it(c.name, () => {
      const event: EventData = docsEvent(c.trigger);
      const result = c.result(structuredClone(cfOf(event)));
      const verdict = checkResult(result, { trigger: c.trigger, ...(c.noEvent ? {} : { event }) });
      assert.equal(verdict.outcome, c.outcome, 'outcome');
      const actual = verdict.violations.map((v) => [v.rule, v.path.join('.'), describeConsequence(v.consequence), v.message] as const);
      assert.deepEqual(actual.map(([rule, at, consequence]) => [rule, at, consequence]), c.violations.map(([rule, at, consequence]) => [rule, at, consequence]), actual.map((a) => a.join(' | ')).join('\n'));
      c.violations.forEach(([, , , message], i) => {
        const got = actual[i]?.[3] ?? '';
        if (message instanceof RegExp) assert.match(got, message);
        else if (message !== undefined) assert.equal(got, message);
      });
      const firstError = verdict.violations.find((v) => v.consequence.kind === 'viewer-error');
      assert.equal(verdict.viewerError?.status, firstError?.consequence.kind === 'viewer-error' ? firstError.consequence.status : undefined);
    });
  }

  it('says what it could not check without the event', () => {
    const verdict = checkResult({ uri: '/' }, { trigger: 'viewer-request' });
    assert.deepEqual(verdict.unchecked, ['read-only headers and fields, and a viewer-response status change: they need the input event']);
  });

  it('locates violations in the result text', () => {
    const text = '{\n  "status": "200",\n  "headers": {"x-cache": [{"value": "Hit"}]}\n}';
    const verdict = checkResultText(text, { trigger: 'viewer-request' });
    const violation = verdict.violations[0];
    assert.ok(violation);
    assert.equal(text.slice(violation.range.offset, violation.range.offset + violation.range.length), '"x-cache"');
  });

  it('reports text that is not JSON as CloudFront does', () => {
    const verdict = checkResultText('{"status": ', { trigger: 'viewer-request' });
    assert.deepEqual(verdict.violations.map((v) => v.rule), ['result.not-json']);
    assert.deepEqual(verdict.viewerError, { status: 502, errorType: 'LambdaValidationError' });
  });
});
