import assert from 'node:assert/strict';
import type { TargetView } from '../../../client/src/alb/lambda-target';
import { listenerLine, previewTitle, renderPreview } from '../../../client/src/alb/preview-html';
import { buildAlbEvent } from '../../../server/src/alb/lambda/event';
import { answerFromResult } from '../../../server/src/alb/lambda/response';
import { exampleRequestOf, formatRequestLine, parseRequestLine } from '../../../client/src/alb/request-line';
import { classifyTree, createWorkbenchService } from '../../../server/src/workbench';
import { parseRequest } from '../../../server/src/alb/routing/request';
import type { RouteTrace } from '../../../server/src/alb/routing/route';
import { simulate } from '../../../server/src/alb/simulate';
import { parseJsonDocument } from '../../../server/src/document/json';
import { defaultRoutingOptions } from '../../../server/src/alb/routing/options';
import { describeRules, header, path } from '../alb/fixtures';
import { escapeHtml } from '../../../client/src/webview-html';

function traceOf(text: string, line: string): RouteTrace {
  const parsedLine = parseRequestLine(line);
  assert.ok('input' in parsedLine);
  const parsed = parseRequest(parsedLine.input);
  assert.ok('request' in parsed);
  const document = parseJsonDocument(text);
  const result = simulate({ document, classification: classifyTree(document.root) }, parsed.request, defaultRoutingOptions);
  assert.ok(result.kind === 'trace');
  return result.trace;
}

describe('ALB preview: request line', () => {
  it('reads method, URL, quoted headers and the source address', () => {
    assert.deepEqual(parseRequestLine(`GET https://e.com/a?b=1 -H "User-Agent: curl/8 (x)" -H 'X-Q: "hi"' --source-ip 192.0.2.1`), {
      input: { method: 'GET', url: 'https://e.com/a?b=1', headers: ['User-Agent: curl/8 (x)', 'X-Q: "hi"'], sourceIp: '192.0.2.1' },
    });
  });
  it('round-trips through its own format', () => {
    const input = { method: 'POST', url: 'https://e.com/', headers: ['A: b c', 'Q: "x"'], sourceIp: '::1' };
    assert.deepEqual(parseRequestLine(formatRequestLine(input)), { input });
  });
  it('reads and writes a body with -d', () => {
    const input = { method: 'POST', url: 'https://e.com/api', headers: ['Content-Type: application/json'], body: '{"name": "Ada"}' };
    assert.equal(formatRequestLine(input), 'POST https://e.com/api -H "Content-Type: application/json" -d "{\\"name\\": \\"Ada\\"}"');
    assert.deepEqual(parseRequestLine(formatRequestLine(input)), { input });
    assert.deepEqual(parseRequestLine('PUT https://e.com/ --data x=1'), { input: { method: 'PUT', url: 'https://e.com/', headers: [], body: 'x=1' } });
    assert.deepEqual(parseRequestLine(formatRequestLine({ method: 'POST', url: 'https://e.com/', body: '' })), { input: { method: 'POST', url: 'https://e.com/', headers: [], body: '' } });
  });
  it('says what it does not understand', () => {
    assert.deepEqual(parseRequestLine('GET'), { error: 'write a method and a URL, e.g. GET https://example.com/img/1.png' });
    assert.deepEqual(parseRequestLine('GET https://e.com/ -H "open'), { error: 'a " quote is not closed' });
    assert.match((parseRequestLine('GET https://e.com/ --verbose') as { error: string }).error, /"--verbose" is not understood/);
  });
});

describe('ALB preview: HTML', () => {
  const nonce = 'AbC123';
  const rules = describeRules([[1, [path('/api/*')]], [2, [path('/img/*'), header('X-Evil', '<b>"')]]]);

  it('has a strict CSP with a nonce on its only style and script', () => {
    const html = renderPreview({ requestLine: 'GET https://e.com/', documentName: 'rules.json', trace: traceOf(rules, 'GET https://e.com/'), lineOf: () => 1 }, nonce);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-AbC123'; script-src 'nonce-AbC123';">/);
    assert.equal(html.match(/<script/g)?.length, 1);
    assert.equal(html.match(/<style/g)?.length, 1);
    assert.match(html, /<script nonce="AbC123">/);
    assert.doesNotMatch(html, / style="/, 'no inline style attributes: the CSP would block them');
  });

  it('escapes every value from the file and the request', () => {
    const hostile = describeRules([[1, [path('/<script>alert(1)</script>')]]]);
    const trace = traceOf(hostile, `GET "https://e.com/<img src=x onerror=alert(1)>" -H "X-A: '\\"><svg>"`);
    const html = renderPreview({ requestLine: `GET https://e.com/<img src=x onerror=alert(1)>`, documentName: '<rules>.json', trace, lineOf: () => 1 }, nonce);
    assert.doesNotMatch(html, /<img|<svg|<script>alert|<rules>/);
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.equal(escapeHtml(`<a href="x" onclick='y'>&`), '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;');
  });

  it('marks the chosen rule, every condition verdict, and the response', () => {
    const trace = traceOf(rules, 'GET https://e.com/img/a.png -H "X-Evil: <b>\\""');
    const html = renderPreview({ requestLine: 'GET https://e.com/img/a.png', documentName: 'rules.json', trace, lineOf: (offset) => offset + 1 }, nonce);
    assert.match(html, /<li class="rule not-matched" data-rule="rule 1" data-verdict="not-matched"/);
    assert.match(html, /<li class="rule winner" data-rule="rule 2" data-verdict="matched" data-offset="\d+"/);
    assert.match(html, /<span class="status">chosen<\/span>/);
    assert.match(html, /data-verdict="matched" tabindex="0" role="button" title="Show in the rules file"><span class="mark" aria-label="matched">✓<\/span> <span class="field">http-header<\/span> <span class="reason">header X-Evil &quot;&lt;b&gt;\\&quot;&quot; matches &quot;&lt;b&gt;\\&quot;&quot;<\/span>/);
    assert.match(html, /<li class="rule not-reached" data-rule="the default rule"/);
    assert.match(html, /data-outcome="forward"/);
  });

  it('shows a problem instead of a trace', () => {
    const html = renderPreview({ requestLine: 'GET x', documentName: 'a.json', problem: '"x" is not an http:// or https:// URL', lineOf: () => 1 }, nonce);
    assert.match(html, /<p class="problem" id="problem">&quot;x&quot; is not an http:\/\/ or https:\/\/ URL<\/p>/);
  });

  describe('the Lambda target', () => {
    const arn = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/api/1';
    const trace = traceOf(rules, 'GET https://e.com/api/x');
    const page = (target: TargetView) => renderPreview({ requestLine: 'GET https://e.com/api/x', documentName: 'rules.json', trace, target, lineOf: () => 1 }, nonce);

    it('says why an untrusted workspace does not invoke, and offers to manage trust', () => {
      const html = page({ kind: 'untrusted', arn, warnings: [], handler: 'src/<api>.handler', source: 'api in lambda-workbench.json' });
      assert.match(html, /<p class="untrusted" id="target-status">Target group <code>api<\/code> is mapped to <code>src\/&lt;api&gt;\.handler<\/code> \(api in lambda-workbench\.json\), but invoking it runs its code, which needs a trusted workspace\./);
      assert.match(html, /<button type="button" data-command="manageTrust">/);
      assert.doesNotMatch(html, /id="status"/, 'no response: nothing ran');
    });

    it('says how to map a target group that has no handler', () => {
      assert.match(page({ kind: 'unmapped', arn, warnings: ['targetGroups["x y"]: <bad>'] }), /map target group <code>api<\/code> to a local handler[\s\S]*<ul class="warnings"><li>targetGroups\[&quot;x y&quot;\]: &lt;bad&gt;<\/li><\/ul>/);
    });

    it("shows the function's response, escaped, with the event and the result", () => {
      const answer = answerFromResult(JSON.stringify({ statusCode: 200, headers: { 'Content-Type': 'text/html', 'X-A': '<i>' }, body: '<script>alert(1)</script>' }), false);
      const event = buildAlbEvent(trace.request, { host: 'e.com', path: '/api/x', query: '' }, { arn, multiValueHeaders: false }, () => '1-0-0');
      assert.equal(event.kind, 'event');
      const invoke = { requestId: 'r', status: 'success' as const, payload: '{"statusCode":200,"body":"<script>alert(1)</script>"}', timedOut: false, durationMs: 4.25 };
      const html = page({ kind: 'invoked', arn, warnings: [], handler: 'api.handler', source: 'api in lambda-workbench.json', group: { arn, multiValueHeaders: false, multiValueFrom: 'default' }, exchange: { event: event.kind === 'event' ? event.event : undefined, invoke, answer } });
      assert.doesNotMatch(html, /<script>alert|<i>/);
      assert.match(html, /Lambda <code>api\.handler<\/code> answered in 4\.3 ms/);
      assert.match(html, /<span class="status-line" id="status">HTTP 200 OK<\/span>/);
      assert.match(html, /<div class="header"><span class="name">X-A:<\/span> <code>&lt;i&gt;<\/code><\/div>/);
      assert.match(html, /<pre id="body">&lt;script&gt;alert\(1\)&lt;\/script&gt;<\/pre>/);
      assert.match(html, /<pre id="event">\{\n {2}&quot;requestContext&quot;/);
      assert.match(html, /<button type="button" data-command="invokeAgain">Invoke again<\/button>/);
    });

    it("names ALB's reason for a 502 and shows binary content by its size", () => {
      const bad = answerFromResult('{"statusCode":"200"}', false);
      const html = page({ kind: 'invoked', arn, warnings: [], handler: 'api.handler', source: 's', group: { arn, multiValueHeaders: true, multiValueFrom: 'template' }, exchange: { event: undefined, invoke: undefined, answer: bad } });
      assert.match(html, /<p class="problem" id="failure">ALB answered itself: <code>LambdaInvalidResponse<\/code>: statusCode is the string &quot;200&quot;, not a number\.<\/p>/);
      assert.match(html, /id="status">HTTP 502 Bad Gateway</);
      const gif = answerFromResult(JSON.stringify({ statusCode: 200, isBase64Encoded: true, headers: { 'Content-Type': 'image/gif' }, body: 'R0lGODlhAQABAAAAACw=' }), false);
      assert.match(page({ kind: 'invoked', arn, warnings: [], handler: 'h.h', source: 's', group: { arn, multiValueHeaders: false, multiValueFrom: 'default' }, exchange: { event: undefined, invoke: undefined, answer: gif } }), /<p id="body" class="binary">14 bytes of binary content \(image\/gif\)<\/p>/);
    });
  });
});

describe('ALB preview: header, title and colours', () => {
  const cases: Array<[string, string, { protocol?: string; port?: number } | undefined, string]> = [
    ['rules without their listener get no line', 'the listener', undefined, ''],
    ['a listener input shows its protocol and port', 'the listener', { protocol: 'HTTPS', port: 443 }, '<span class="caption">Listener</span> HTTPS:443'],
    ['a template listener by its logical id', 'listener HttpsListener', { protocol: 'HTTPS', port: 443 }, '<span class="caption">Listener</span> HttpsListener (HTTPS:443)'],
    ['a describe-listeners entry by its number', 'listener 2', undefined, '<span class="caption">Listener</span> 2'],
  ];
  for (const [name, label, where, expected] of cases) {
    it(name, () => {
      const choice = where && { label, range: { offset: 0, length: 0 }, protocol: where.protocol, port: where.port, rules: 1 };
      assert.equal(listenerLine(label, choice), expected);
      assert.doesNotMatch(listenerLine(label, choice), /Listener<\/span> the listener/);
    });
  }

  it('titles each tab by its rules file, then the request', () => {
    const request = { method: 'GET', url: 'https://example.com/api/x?a=1' };
    assert.equal(previewTitle('describe-rules.json', request), 'ALB describe-rules.json: GET /api/x?a=1');
    assert.notEqual(previewTitle('a.json', request), previewTitle('b.json', request));
  });

  it('colours the marks with text colours, and the chosen rule\'s with its own foreground', () => {
    const html = renderPreview({ requestLine: 'GET https://e.com/', documentName: 'r.json', lineOf: () => 1, trace: traceOf(describeRules([[10, [path('/*')]]]), 'GET https://e.com/') }, 'n');
    assert.doesNotMatch(html, /\.mark[^}]*testing-icon/, 'icon colours are not meant for text');
    assert.match(html, /\.matched > \.mark[^}]*--vscode-gitDecoration-addedResourceForeground/);
    assert.match(html, /\.rule\.winner \.mark[^}]*color: inherit/);
  });
});

describe('ALB preview: simulating a shadowed rule\'s example', () => {
  const cases: Array<[string, object[], object[], string]> = [
    ['a path within a catch-all', [path('/*')], [path('/img/*')], 'GET https://example.com/img/'],
    ['a header the earlier rule also takes', [header('X-Canary', '*')], [header('X-Canary', 'on'), path('/a/*')], 'GET https://example.com/a/ -H "x-canary: on"'],
  ];
  for (const [name, earlier, later, line] of cases) {
    it(name, () => {
      const text = describeRules([[1, earlier], [2, later]]);
      const shadowed = createWorkbenchService().analyze(text).findings.find((f) => f.id === 'alb.shadowed-rule');
      assert.ok(shadowed, 'a shadowed-rule finding');
      const example = exampleRequestOf(shadowed.message);
      assert.equal(example, line);
      // The line reads back as a request, and the earlier rule takes it.
      const trace = traceOf(text, example ?? '');
      assert.equal(trace.rules[trace.winner ?? -1]?.label, 'rule 1');
    });
  }
  it('finds nothing in other messages', () => {
    assert.equal(exampleRequestOf('Rule 2 can never match: no request path matches "a".'), undefined);
  });
});
