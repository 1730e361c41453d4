import assert from 'node:assert/strict';
import { parseJsonDocument } from '../../../server/src/document/json';
import { classifyTree } from '../../../server/src/workbench';
import { defaultRoutingOptions, type RoutingOptions } from '../../../server/src/alb/routing/options';
import { parseRequest, requestLine, type RequestInput } from '../../../server/src/alb/routing/request';
import type { RouteTrace } from '../../../server/src/alb/routing/route';
import { simulate } from '../../../server/src/alb/simulate';
import { createRule, describeRules, forward, header, host, listener, method, notFound, path, query, sourceIp, tg } from './fixtures';

const docs = {
  conditions: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/rule-condition-types.html',
  redirect: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_RedirectActionConfig.html',
  transforms: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/rule-transforms.html',
  rules: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/listener-rules.html',
};

function route(text: string, input: RequestInput, options: RoutingOptions = defaultRoutingOptions): RouteTrace {
  const document = parseJsonDocument(text);
  const parsed = parseRequest(input);
  assert.ok('request' in parsed, 'problem' in parsed ? parsed.problem.message : '');
  const result = simulate({ document, classification: classifyTree(document.root) }, parsed.request, options);
  assert.equal(result.kind, 'trace', result.kind === 'problem' ? result.message : '');
  return (result as { trace: RouteTrace }).trace;
}

/** The label of the rule whose actions ran, or "none". */
function winner(trace: RouteTrace): string {
  return trace.winner === undefined ? 'none' : (trace.rules[trace.winner]?.label ?? 'none');
}

const get = (url: string, extra: Partial<RequestInput> = {}): RequestInput => ({ method: 'GET', url, ...extra });

interface Example {
  readonly name: string;
  /** Where AWS documents the behaviour. */
  readonly source: string;
  readonly rules: string;
  readonly request: RequestInput;
  readonly winner: string;
  readonly options?: RoutingOptions;
}

/** One condition per rule at priority 10, falling back to the default rule: does the condition match? */
const single = (condition: object) => describeRules([[10, [condition]]]);

const examples: Example[] = [
  // Host conditions
  { name: '*.example.com matches test.example.com', source: docs.conditions, rules: single(host('*.example.com')), request: get('https://test.example.com/'), winner: 'rule 10' },
  { name: "*.example.com doesn't match example.com", source: docs.conditions, rules: single(host('*.example.com')), request: get('https://example.com/'), winner: 'the default rule' },
  { name: 'host names are not case-sensitive', source: docs.conditions, rules: single(host('api.example.com')), request: get('https://API.Example.COM/'), winner: 'rule 10' },
  { name: '? matches exactly one character of a host', source: docs.conditions, rules: single(host('api-?.example.com')), request: get('https://api-10.example.com/'), winner: 'the default rule' },
  { name: 'a Host header with a port is compared as sent by default', source: 'README: choices', rules: single(host('example.com')), request: get('https://example.com:8443/'), winner: 'the default rule' },
  { name: 'or without its port when configured', source: 'README: choices', rules: single(host('example.com')), request: get('https://example.com:8443/'), winner: 'rule 10', options: { ...defaultRoutingOptions, hostPort: 'ignore' } },
  { name: 'a port is matched with RegexValues', source: 'terraform-provider-aws#49147', rules: single({ Field: 'host-header', HostHeaderConfig: { RegexValues: ['^example\\.com:8443$'] } }), request: get('https://example.com:8443/'), winner: 'rule 10' },
  // Path conditions
  { name: '/img/* routes /img/picture.jpg', source: docs.conditions, rules: single(path('/img/*')), request: get('http://example.com/img/picture.jpg'), winner: 'rule 10' },
  { name: 'paths are case-sensitive', source: docs.conditions, rules: single(path('/img/*')), request: get('http://example.com/IMG/picture.jpg'), winner: 'the default rule' },
  { name: '* crosses "/"', source: docs.conditions, rules: single(path('/img/*.jpg')), request: get('http://example.com/img/2024/01/a.jpg'), winner: 'rule 10' },
  { name: 'the path is compared without the query string', source: docs.conditions, rules: single(path('/search')), request: get('http://example.com/search?q=*'), winner: 'rule 10' },
  { name: 'a pattern cannot see the query string', source: docs.conditions, rules: single(path('*q=1*')), request: get('http://example.com/search?q=1'), winner: 'the default rule' },
  { name: 'the path is matched as sent (percent-encoded) by default', source: 'README: choices', rules: single(path('/a b')), request: get('http://example.com/a%20b'), winner: 'the default rule' },
  { name: 'or decoded when configured', source: 'README: choices', rules: single(path('/café')), request: get('http://example.com/caf%C3%A9'), winner: 'rule 10', options: { ...defaultRoutingOptions, percentDecode: true } },
  { name: 'a path regex', source: docs.conditions, rules: single({ Field: 'path-pattern', PathPatternConfig: { RegexValues: ['^/api/v[0-9]+/'] } }), request: get('http://example.com/api/v2/users'), winner: 'rule 10' },
  // HTTP header conditions
  { name: 'User-Agent matching *Chrome*', source: docs.conditions, rules: single(header('User-Agent', '*Chrome*', '*Safari*')), request: get('http://e.com/', { headers: ['user-agent: Mozilla/5.0 Chrome/126.0'] }), winner: 'rule 10' },
  { name: 'header values are not case-sensitive', source: docs.conditions, rules: single(header('X-Env', 'staging')), request: get('http://e.com/', { headers: ['X-ENV: STAGING'] }), winner: 'rule 10' },
  { name: 'a missing header does not match', source: docs.conditions, rules: single(header('X-Env', '*')), request: get('http://e.com/'), winner: 'the default rule' },
  { name: 'a repeated header is searched in order until a match', source: 'API_HttpHeaderConditionConfig', rules: single(header('X-Tag', 'b')), request: get('http://e.com/', { headers: ['X-Tag: a', 'X-Tag: b'] }), winner: 'rule 10' },
  // HTTP request method conditions
  { name: 'a custom method matches exactly', source: docs.conditions, rules: single(method('CUSTOM-METHOD')), request: { method: 'CUSTOM-METHOD', url: 'http://e.com/' }, winner: 'rule 10' },
  { name: 'methods are case-sensitive', source: docs.conditions, rules: single(method('GET')), request: { method: 'get', url: 'http://e.com/' }, winner: 'the default rule' },
  // Query string conditions
  { name: 'version=v1', source: docs.conditions, rules: single(query({ Key: 'version', Value: 'v1' }, { Value: 'example' })), request: get('http://e.com/?version=v1'), winner: 'rule 10' },
  { name: 'any key set to example', source: docs.conditions, rules: single(query({ Key: 'version', Value: 'v1' }, { Value: 'example' })), request: get('http://e.com/?lang=example'), winner: 'rule 10' },
  { name: 'version=v2 matches neither pair', source: docs.conditions, rules: single(query({ Key: 'version', Value: 'v1' }, { Value: 'example' })), request: get('http://e.com/?version=v2'), winner: 'the default rule' },
  { name: 'query strings are not case-sensitive', source: docs.conditions, rules: single(query({ Key: 'version', Value: 'v1' })), request: get('http://e.com/?VERSION=V1'), winner: 'rule 10' },
  { name: 'wildcards in a query value', source: docs.conditions, rules: single(query({ Key: 'id', Value: '1?3*' })), request: get('http://e.com/?id=12345'), winner: 'rule 10' },
  { name: '\\* matches only a literal *', source: 'API_QueryStringConditionConfig', rules: single(query({ Key: 'q', Value: 'a\\*' })), request: get('http://e.com/?q=ab'), winner: 'the default rule' },
  { name: '\\* matches a literal *', source: 'API_QueryStringConditionConfig', rules: single(query({ Key: 'q', Value: 'a\\*' })), request: get('http://e.com/?q=a*'), winner: 'rule 10' },
  // Source IP conditions
  { name: 'a source address in a block', source: docs.conditions, rules: single(sourceIp('192.0.2.0/24', '198.51.100.10/32')), request: get('http://e.com/', { sourceIp: '192.0.2.77' }), winner: 'rule 10' },
  { name: 'a source address outside the blocks', source: docs.conditions, rules: single(sourceIp('192.0.2.0/24', '198.51.100.10/32')), request: get('http://e.com/', { sourceIp: '198.51.100.11' }), winner: 'the default rule' },
  { name: 'X-Forwarded-For does not count', source: docs.conditions, rules: single(sourceIp('192.0.2.0/24')), request: get('http://e.com/', { sourceIp: '203.0.113.9', headers: ['X-Forwarded-For: 192.0.2.5'] }), winner: 'the default rule' },
  { name: 'IPv6 blocks', source: docs.conditions, rules: single(sourceIp('2001:db8::/32')), request: get('http://e.com/', { sourceIp: '2001:db8:1::5' }), winner: 'rule 10' },
  // Rules
  {
    name: 'rules are evaluated from the lowest priority value',
    source: docs.rules,
    rules: describeRules([[20, [path('/*')]], [5, [path('/api/*')]]]),
    request: get('http://e.com/api/x'),
    winner: 'rule 5',
  },
  { name: 'conditions are ANDed', source: docs.rules, rules: describeRules([[1, [path('/api/*'), method('POST')]]]), request: get('http://e.com/api/x'), winner: 'the default rule' },
  { name: 'values of one condition are ORed', source: docs.conditions, rules: describeRules([[1, [path('/a', '/b')]]]), request: get('http://e.com/b'), winner: 'rule 1' },
];

describe('alb routing: AWS documented matching examples', () => {
  for (const example of examples) {
    it(`${example.name} (${example.source})`, () => {
      assert.equal(winner(route(example.rules, example.request, example.options)), example.winner);
    });
  }
});

describe('alb routing: redirects with every placeholder', () => {
  const redirect = (config: object) => describeRules([[1, [path('/*')], [{ Type: 'redirect', RedirectConfig: config }]]]);
  const table: Array<[string, object, string, number, string]> = [
    ['HTTP to HTTPS on 443, keeping host, path and query (AWS CLI example)', { Protocol: 'HTTPS', Port: '443', Host: '#{host}', Path: '/#{path}', Query: '#{query}', StatusCode: 'HTTP_301' }, 'http://example.com/a/b?x=1', 301, 'https://example.com:443/a/b?x=1'],
    ['https://#{host}:40443/#{path}?#{query} (AWS console example)', { Protocol: 'HTTPS', Port: '40443', StatusCode: 'HTTP_301' }, 'http://example.com/p?q', 301, 'https://example.com:40443/p?q'],
    ['#{protocol}://#{host}:#{port}/new/#{path}?#{query} (AWS console example)', { Path: '/new/#{path}', StatusCode: 'HTTP_302' }, 'http://example.com:8080/old?x=1', 302, 'http://example.com:8080/new/old?x=1'],
    ['the hostname example.#{host} (API example)', { Host: 'example.#{host}', StatusCode: 'HTTP_301' }, 'https://shop.com/', 301, 'https://example.shop.com:443/'],
    ['the query #{query}&value=xyz (API example)', { Protocol: 'HTTPS', Port: '443', Query: '#{query}&value=xyz', StatusCode: 'HTTP_301' }, 'http://e.com/a?b=c', 301, 'https://e.com:443/a?b=c&value=xyz'],
    ['#{host} and #{port} in the path', { Host: 'archive.example.com', Path: '/#{host}/#{port}/#{path}', StatusCode: 'HTTP_301' }, 'http://e.com:81/x', 301, 'http://archive.example.com:81/e.com/81/x'],
    ['no query leaves no "?"', { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' }, 'http://e.com/x', 301, 'https://e.com:443/x'],
    ['components not given keep their values: HTTPS without Port keeps port 80', { Protocol: 'HTTPS', StatusCode: 'HTTP_301' }, 'http://e.com/x', 301, 'https://e.com:80/x'],
    ['#{protocol} in the query', { Host: 'other.com', Query: 'from=#{protocol}', StatusCode: 'HTTP_301' }, 'http://e.com/', 301, 'http://other.com:80/?from=http'],
  ];
  for (const [name, config, url, status, location] of table) {
    it(name, () => {
      const trace = route(redirect(config), get(url));
      assert.deepEqual(trace.response, { status, headers: [{ name: 'Location', value: location }], body: '' });
    });
  }
});

describe('alb routing: outcomes and traces', () => {
  it('returns the fixed response of the default rule', () => {
    const trace = route(describeRules([[1, [path('/api/*')]]], [notFound]), get('http://e.com/other'));
    assert.equal(winner(trace), 'the default rule');
    assert.deepEqual(trace.response, { status: 404, headers: [{ name: 'Content-Type', value: 'text/plain' }], body: 'Not found' });
  });

  it('gives every condition a verdict and a reason, and marks rules past the winner as not reached', () => {
    const trace = route(describeRules([[1, [path('/api/*'), method('POST')]], [2, [path('/*')]], [3, [host('*.com')]]]), get('https://e.com/api/x'));
    assert.deepEqual(
      trace.rules.map((r) => [r.label, r.verdict, r.reached, r.conditions.map((c) => `${c.verdict}: ${c.reason}`)]),
      [
        ['rule 1', 'not-matched', true, ['matched: path "/api/x" matches "/api/*"', 'not-matched: method GET is none of "POST" (methods are case-sensitive)']],
        ['rule 2', 'matched', true, ['matched: path "/api/x" matches "/*"']],
        ['rule 3', 'matched', false, ['matched: host "e.com" matches "*.com"']],
        ['the default rule', 'matched', false, []],
      ],
    );
  });

  it('shares traffic by weight and picks the same group for the same request', () => {
    const weighted = describeRules([[1, [path('/*')], [{ Type: 'forward', ForwardConfig: { TargetGroups: [{ TargetGroupArn: 'blue', Weight: 3 }, { TargetGroupArn: 'green', Weight: 1 }] } }]]]);
    const trace = route(weighted, get('http://e.com/a'));
    assert.ok(trace.outcome.kind === 'forward');
    assert.deepEqual(trace.outcome.targetGroups.map((g) => [g.arn, g.share]), [['blue', 0.75], ['green', 0.25]]);
    assert.equal(trace.outcome.chosen, (route(weighted, get('http://e.com/a')).outcome as { chosen: string }).chosen);
    // Over many requests the picks follow the weights.
    const picks = Array.from({ length: 400 }, (_, i) => (route(weighted, get(`http://e.com/${i}`)).outcome as { chosen: string }).chosen);
    const blue = picks.filter((p) => p === 'blue').length / picks.length;
    assert.ok(blue > 0.65 && blue < 0.85, `blue took ${blue}`);
  });

  it('applies transforms after the routing decision (AWS host-header rewrite example)', () => {
    const rules = describeRules([
      [1, [host('mywebsite-*.com')], [forward], { Transforms: [{ Type: 'host-header-rewrite', HostHeaderRewriteConfig: { Rewrites: [{ Regex: '^mywebsite-(.+).com$', Replace: 'internal.dev.$1.myweb.com' }] } }] }],
    ]);
    const trace = route(rules, get('https://mywebsite-example.com/project-a'));
    assert.ok(trace.outcome.kind === 'forward');
    assert.deepEqual(trace.outcome.forwarded, { host: 'internal.dev.example.myweb.com', path: '/project-a', query: '' });
    assert.equal(trace.outcome.chosen, tg);
  });

  it('rewrites the URL, query included', () => {
    const rules = describeRules([[1, [path('/api/*')], [forward], { Transforms: [{ Type: 'url-rewrite', UrlRewriteConfig: { Rewrites: [{ Regex: '^/api/(.+)$', Replace: '/$1' }] } }] }]]);
    const trace = route(rules, get('https://e.com/api/users?id=7'));
    assert.ok(trace.outcome.kind === 'forward');
    assert.deepEqual(trace.outcome.forwarded, { host: 'e.com', path: '/users', query: 'id=7' });
  });

  it('notes an authenticate action and performs the final one', () => {
    const oidc = { Type: 'authenticate-oidc', Order: 1, AuthenticateOidcConfig: {} };
    const trace = route(listener('HTTPS', 443, [oidc, { ...forward, Order: 2 }]), get('https://e.com/'));
    assert.equal(trace.outcome.kind, 'forward');
    assert.deepEqual(trace.notes, ['authenticate-oidc runs first; the simulator assumes the client passes it.']);
  });

  it('says when a rule cannot be evaluated (a CloudFormation expression) and passes it over', () => {
    const template = JSON.stringify({
      Resources: {
        L: { Type: 'AWS::ElasticLoadBalancingV2::Listener', Properties: { Port: 443, Protocol: 'HTTPS', DefaultActions: [notFound] } },
        R: { Type: 'AWS::ElasticLoadBalancingV2::ListenerRule', Properties: { ListenerArn: { Ref: 'L' }, Priority: 1, Conditions: [{ Field: 'host-header', HostHeaderConfig: { Values: [{ Ref: 'Domain' }] } }], Actions: [forward] } },
      },
    });
    const trace = route(template, get('https://e.com/'));
    assert.equal(trace.rules[0]?.verdict, 'unknown');
    assert.equal(winner(trace), 'the default rule');
    assert.deepEqual(trace.notes, ['rule R could not be evaluated (see its conditions); it was passed over.']);
  });

  it('routes through a single create-rule input', () => {
    const trace = route(createRule([path('/a')]), get('http://e.com/b'));
    assert.equal(trace.winner, undefined);
    assert.equal(trace.outcome.kind, 'none');
  });

  it('picks the listener that fits the request', () => {
    const text = JSON.stringify({
      Listeners: [
        { Port: 80, Protocol: 'HTTP', DefaultActions: [{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', StatusCode: 'HTTP_301' } }] },
        { Port: 443, Protocol: 'HTTPS', DefaultActions: [notFound] },
      ],
    });
    assert.equal(route(text, get('https://e.com/')).outcome.kind, 'fixed-response');
    assert.equal(route(text, get('http://e.com/')).outcome.kind, 'redirect');
  });
});

describe('alb request parsing', () => {
  it('keeps the path and query as written', () => {
    const parsed = parseRequest({ method: 'GET', url: 'https://Example.com:8443/a/../b%20c?x=1&y#frag', headers: ['X-A: 1'], sourceIp: '2001:db8::1' });
    assert.ok('request' in parsed);
    assert.deepEqual(parsed.request, {
      method: 'GET',
      scheme: 'https',
      host: 'Example.com:8443',
      port: 8443,
      path: '/a/../b%20c',
      query: 'x=1&y',
      headers: [{ name: 'Host', value: 'Example.com:8443' }, { name: 'X-A', value: '1' }],
      sourceIp: '2001:db8::1',
    });
    assert.equal(requestLine(parsed.request), 'GET https://Example.com:8443/a/../b%20c?x=1&y');
  });
  it('says what is wrong', () => {
    assert.deepEqual(parseRequest({ method: 'GET', url: 'ftp://e.com/' }), { problem: { part: 'url', message: '"ftp://e.com/" is not an http:// or https:// URL' } });
    assert.deepEqual(parseRequest({ method: 'GET', url: 'http://e.com/', headers: ['NoColon'] }), { problem: { part: 'header', message: '"NoColon" is not a header: write "Name: value"' } });
    assert.deepEqual(parseRequest({ method: 'GET', url: 'http://e.com/', sourceIp: '1.2.3' }), { problem: { part: 'source-ip', message: '"1.2.3" is not an IPv4 or IPv6 address' } });
    assert.deepEqual(parseRequest({ method: 'GE T', url: 'http://e.com/' }), { problem: { part: 'method', message: '"GE T" is not an HTTP method' } });
  });
});
