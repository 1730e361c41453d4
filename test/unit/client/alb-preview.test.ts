import assert from 'node:assert/strict';
import { renderPreview, escapeHtml } from '../../../client/src/alb/preview-html';
import { formatRequestLine, parseRequestLine } from '../../../client/src/alb/request-line';
import { parseRequest } from '../../../server/src/alb/routing/request';
import type { RouteTrace } from '../../../server/src/alb/routing/route';
import { simulate } from '../../../server/src/alb/simulate';
import { parseJsonDocument } from '../../../server/src/json/document';
import { classify } from '../../../server/src/language/classify';
import { defaultRoutingOptions } from '../../../server/src/alb/routing/options';
import { describeRules, header, path } from '../alb/fixtures';

function traceOf(text: string, line: string): RouteTrace {
  const parsedLine = parseRequestLine(line);
  assert.ok('input' in parsedLine);
  const parsed = parseRequest(parsedLine.input);
  assert.ok('request' in parsed);
  const document = parseJsonDocument(text);
  const result = simulate({ document, classification: classify(document.root) }, parsed.request, defaultRoutingOptions);
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
});
