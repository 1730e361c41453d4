import assert from 'node:assert/strict';
import { buildAlbEvent, queryParameters, sentAsText, traceHeader, traceIdAt, type ForwardedRequest } from '../../../server/src/alb/lambda/event';
import { parseRequest, withFileBody, type AlbRequest, type RequestInput } from '../../../server/src/alb/routing/request';

// The event ALB sends a Lambda target, against the examples of AWS's page
// "Lambda functions as targets" (ELB user guide) and its multi-value section.

const arn = 'arn:aws:elasticloadbalancing:region:123456789012:targetgroup/my-target-group/6d0ecf831eec9f09';
const fixedTrace = () => '1-5bdb40ca-556d8b0c50dc66f0511bf520';

function request(input: RequestInput): AlbRequest {
  const parsed = parseRequest(input);
  assert.ok('request' in parsed, JSON.stringify(parsed));
  return parsed.request;
}

/** The event as JSON carries it (the builder's objects have no prototype). */
function eventFor(input: RequestInput, multiValueHeaders = false, forwarded?: ForwardedRequest): Record<string, unknown> {
  const req = request(input);
  const built = buildAlbEvent(req, forwarded ?? { host: req.host, path: req.path, query: req.query }, { arn, multiValueHeaders }, fixedTrace);
  assert.equal(built.kind, 'event');
  return JSON.parse(JSON.stringify(built.kind === 'event' ? built.event : null)) as Record<string, unknown>;
}

describe('ALB Lambda target: the event', () => {
  it("is AWS's example event for AWS's example request", () => {
    const event = eventFor({
      method: 'GET',
      url: 'https://lambda-846800462-us-east-2.elb.amazonaws.com/',
      headers: [
        'Accept: text/html,application/xhtml+xml',
        'Accept-Language: en-US,en;q=0.8',
        'Content-Type: text/plain',
        'Cookie: cookies',
        'User-Agent: Mozilla/5.0 (Macintosh; Intel Mac OS X 10_11_6)',
      ],
      sourceIp: '72.21.198.66',
      body: 'request_body',
    });
    assert.deepEqual(event, {
      requestContext: { elb: { targetGroupArn: arn } },
      httpMethod: 'GET',
      path: '/',
      queryStringParameters: {},
      headers: {
        accept: 'text/html,application/xhtml+xml',
        'accept-language': 'en-US,en;q=0.8',
        'content-type': 'text/plain',
        cookie: 'cookies',
        host: 'lambda-846800462-us-east-2.elb.amazonaws.com',
        'user-agent': 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_11_6)',
        'x-amzn-trace-id': 'Root=1-5bdb40ca-556d8b0c50dc66f0511bf520',
        'x-forwarded-for': '72.21.198.66',
        'x-forwarded-port': '443',
        'x-forwarded-proto': 'https',
      },
      isBase64Encoded: false,
      body: 'request_body',
    });
  });

  const repeated: RequestInput = { method: 'GET', url: 'http://www.example.com?&myKey=val1&myKey=val2', headers: ['Cookie: name1=value1', 'Cookie: name2=value2'] };

  it('keeps the last value of a repeated parameter and header without multi-value headers', () => {
    const event = eventFor(repeated);
    assert.deepEqual(event['queryStringParameters'], { myKey: 'val2' });
    assert.equal((event['headers'] as Record<string, string>)['cookie'], 'name2=value2');
    assert.equal('multiValueHeaders' in event || 'multiValueQueryStringParameters' in event, false);
  });

  it('sends every value, in order, with multi-value headers', () => {
    const event = eventFor(repeated, true);
    assert.deepEqual(event['multiValueQueryStringParameters'], { myKey: ['val1', 'val2'] });
    const headers = event['multiValueHeaders'] as Record<string, string[]>;
    assert.deepEqual(headers['cookie'], ['name1=value1', 'name2=value2']);
    assert.deepEqual(headers['host'], ['www.example.com']);
    assert.deepEqual(headers['x-forwarded-proto'], ['http']);
    assert.equal('headers' in event || 'queryStringParameters' in event, false);
  });

  it('does not URL-decode query parameters', () => {
    assert.deepEqual(eventFor({ method: 'GET', url: 'https://e.com/s?name=caf%C3%A9&q=a+b&flag&=x' })['queryStringParameters'], { name: 'caf%C3%A9', q: 'a+b', flag: '', '': 'x' });
    assert.deepEqual(queryParameters('a=1&&a=2=3'), [
      ['a', '1'],
      ['a', '2=3'],
    ]);
  });

  it('keeps the path as sent and the method as given', () => {
    const event = eventFor({ method: 'PATCH', url: 'https://e.com/caf%C3%A9/a%2Fb' });
    assert.equal(event['path'], '/caf%C3%A9/a%2Fb');
    assert.equal(event['httpMethod'], 'PATCH');
  });

  const bodies: Array<[string | undefined, boolean]> = [
    ['text/plain', false],
    ['text/html; charset=utf-8', false],
    ['TEXT/CSV', false],
    ['application/json', false],
    ['application/json; charset=utf-8', false],
    ['application/javascript', false],
    ['application/xml', false],
    ['application/octet-stream', true],
    ['image/png', true],
    ['application/x-www-form-urlencoded', true],
    ['application/vnd.api+json', true],
    ['multipart/form-data; boundary=x', true],
    [undefined, true],
  ];
  for (const [contentType, encoded] of bodies) {
    it(`${encoded ? 'base64-encodes' : 'passes as is'} a body of ${contentType ?? 'no content type'}`, () => {
      const event = eventFor({ method: 'POST', url: 'https://e.com/', headers: contentType ? [`Content-Type: ${contentType}`] : [], body: 'né=1' });
      assert.equal(event['isBase64Encoded'], encoded);
      assert.equal(event['body'], encoded ? Buffer.from('né=1', 'utf8').toString('base64') : 'né=1');
      assert.equal(sentAsText(contentType), !encoded);
    });
  }

  it('sends the bytes of a file body (-d @FILE) exactly: base64 for a binary type, as text for a text type', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff]);
    const read = (path: string) => {
      assert.equal(path, '/rules/images/pixel.png', 'relative to the given folder');
      return png;
    };
    const binary = eventFor(withFileBody({ method: 'POST', url: 'https://e.com/', headers: ['Content-Type: image/png'], body: '@images/pixel.png' }, '/rules', read));
    assert.deepEqual([binary['isBase64Encoded'], binary['body']], [true, png.toString('base64')]);
    const text = eventFor(withFileBody({ method: 'POST', url: 'https://e.com/', headers: ['Content-Type: application/json'], body: '@/data/a.json' }, '/rules', () => Buffer.from('{"a":"é"}\n')));
    assert.deepEqual([text['isBase64Encoded'], text['body']], [false, '{"a":"é"}\n'], 'newlines kept, as curl --data-binary keeps them');
    const literal = withFileBody({ method: 'POST', url: 'https://e.com/', body: 'plain text' }, '/rules', () => assert.fail('no file for a text body'));
    assert.equal(literal.body, 'plain text');
  });

  it('sends an empty body as the empty string, not encoded, whatever the type', () => {
    const event = eventFor({ method: 'GET', url: 'https://e.com/', headers: ['Content-Type: image/png'] });
    assert.equal(event['body'], '');
    assert.equal(event['isBase64Encoded'], false);
  });

  it('appends the client address to an X-Forwarded-For the client sent, and assumes 127.0.0.1 when none is given', () => {
    const headers = (input: RequestInput) => eventFor(input)['headers'] as Record<string, string>;
    assert.equal(headers({ method: 'GET', url: 'http://e.com:8080/', headers: ['X-Forwarded-For: 198.51.100.1'], sourceIp: '203.0.113.7' })['x-forwarded-for'], '198.51.100.1, 203.0.113.7');
    const plain = headers({ method: 'GET', url: 'http://e.com:8080/', headers: ['X-Forwarded-Port: 1', 'X-Forwarded-Proto: gopher'] });
    assert.equal(plain['x-forwarded-for'], '127.0.0.1');
    assert.equal(plain['x-forwarded-port'], '8080', 'the listener port, not what the client claims');
    assert.equal(plain['x-forwarded-proto'], 'http');
  });

  it('sends the Host, path and query the rule rewrote', () => {
    const event = eventFor({ method: 'GET', url: 'https://old.example.com/v1/users?id=7' }, false, { host: 'api.example.com', path: '/users', query: 'id=7&v=1' });
    assert.equal((event['headers'] as Record<string, string>)['host'], 'api.example.com');
    assert.equal(event['path'], '/users');
    assert.deepEqual(event['queryStringParameters'], { id: '7', v: '1' });
  });

  it('answers 413 itself, without invoking, for a body over 1 MB', () => {
    const req = request({ method: 'POST', url: 'https://e.com/', headers: ['Content-Type: text/plain'], body: 'x'.repeat(1024 * 1024 + 1) });
    const built = buildAlbEvent(req, { host: req.host, path: '/', query: '' }, { arn, multiValueHeaders: false }, fixedTrace);
    assert.equal(built.kind, 'rejected');
    assert.equal(built.kind === 'rejected' && built.answer.response.status, 413);
    assert.deepEqual(built.kind === 'rejected' && built.answer.failure?.code, 'LambdaRequestTooLarge');
    assert.match(built.kind === 'rejected' ? built.answer.failure?.message ?? '' : '', /1,048,577 bytes; ALB sends a Lambda function at most 1,048,576/);
    const limit = request({ method: 'POST', url: 'https://e.com/', body: 'x'.repeat(1024 * 1024) });
    assert.equal(buildAlbEvent(limit, { host: limit.host, path: '/', query: '' }, { arn, multiValueHeaders: false }, fixedTrace).kind, 'event');
  });
});

describe('ALB Lambda target: X-Amzn-Trace-Id', () => {
  const next = () => '1-67891234-12456789abcdef012345678';
  const cases: Array<[string | undefined, string]> = [
    [undefined, 'Root=1-67891234-12456789abcdef012345678'],
    ['Root=1-67891233-abcdef012345678912345678', 'Self=1-67891234-12456789abcdef012345678;Root=1-67891233-abcdef012345678912345678'],
    ['Root=1-67891233-abcdef012345678912345678;CalledFrom=app', 'Self=1-67891234-12456789abcdef012345678;Root=1-67891233-abcdef012345678912345678;CalledFrom=app'],
    ['Self=1-00000000-000000000000000000000000;Root=1-67891233-abcdef012345678912345678', 'Self=1-67891234-12456789abcdef012345678;Root=1-67891233-abcdef012345678912345678'],
    ['garbage', 'Root=1-67891234-12456789abcdef012345678'],
  ];
  for (const [sent, forwarded] of cases) {
    it(`${sent ?? 'none sent'} → ${forwarded}`, () => assert.equal(traceHeader(sent, next), forwarded));
  }
  it('writes ids as ALB does: version, epoch seconds in hex, 24 hex digits', () => {
    assert.equal(traceIdAt(1_541_095_626.9, 'abcdef012345678912345678'), '1-5bdb40ca-abcdef012345678912345678');
  });
});
