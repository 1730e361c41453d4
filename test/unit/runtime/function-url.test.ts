import assert from 'node:assert/strict';
import { functionUrlEvent, functionUrlResponse, internalServerError, streamedHead, type UrlRequest } from '../../../server/src/runtime/function-url';

// The event and response of a function URL, against AWS's guide "Invoking Lambda function URLs".

const site = { urlId: 'abcdefg', region: 'us-west-2' };
const at = new Date(Date.UTC(2020, 2, 12, 19, 3, 58, 390));

function event(request: Partial<UrlRequest>): Record<string, unknown> {
  return functionUrlEvent({ method: 'GET', target: '/', headers: [], body: Buffer.alloc(0), sourceIp: '123.123.123.123', protocol: 'HTTP/1.1', ...request }, site, 'id', at);
}

describe('runtime: function URLs, the event (payload format 2.0)', () => {
  it("is the guide's example event for the guide's example request", () => {
    const built = event({
      method: 'POST',
      target: '/my/path?parameter1=value1&parameter1=value2&parameter2=value',
      headers: [['Header1', 'value1'], ['Header2', 'value1'], ['Header2', 'value2'], ['Cookie', 'cookie1; cookie2'], ['User-Agent', 'agent'], ['Content-Type', 'text/plain']],
      body: Buffer.from('Hello from client!'),
    });
    assert.deepEqual(built, {
      version: '2.0',
      routeKey: '$default',
      rawPath: '/my/path',
      rawQueryString: 'parameter1=value1&parameter1=value2&parameter2=value',
      cookies: ['cookie1', 'cookie2'],
      headers: { header1: 'value1', header2: 'value1,value2', 'user-agent': 'agent', 'content-type': 'text/plain' },
      queryStringParameters: { parameter1: 'value1,value2', parameter2: 'value' },
      requestContext: {
        accountId: 'anonymous',
        apiId: 'abcdefg',
        domainName: 'abcdefg.lambda-url.us-west-2.on.aws',
        domainPrefix: 'abcdefg',
        http: { method: 'POST', path: '/my/path', protocol: 'HTTP/1.1', sourceIp: '123.123.123.123', userAgent: 'agent' },
        requestId: 'id',
        routeKey: '$default',
        stage: '$default',
        time: '12/Mar/2020:19:03:58 +0000',
        timeEpoch: 1584039838390,
      },
      body: 'Hello from client!',
      isBase64Encoded: false,
    });
  });

  it('leaves out cookies, the query and the body when the request has none', () => {
    const built = event({ target: '/' });
    assert.equal('cookies' in built, false);
    assert.equal('queryStringParameters' in built, false);
    assert.equal('body' in built, false);
    assert.equal(built['isBase64Encoded'], false);
  });

  it('decodes query values, and keeps the raw query as sent', () => {
    const built = event({ target: '/?q=a%20b+c&flag' });
    assert.deepEqual([built['rawQueryString'], built['queryStringParameters']], ['q=a%20b+c&flag', { q: 'a b c', flag: '' }]);
  });

  const bodies: ReadonlyArray<[string | undefined, boolean]> = [
    ['text/plain', false],
    ['application/json', false],
    ['application/vnd.api+json', false],
    ['application/x-www-form-urlencoded', false],
    ['application/xml', false],
    ['image/png', true],
    ['application/octet-stream', true],
    [undefined, true],
  ];
  for (const [contentType, binary] of bodies) {
    it(`${binary ? 'base64-encodes' : 'passes as text'} a body of ${contentType ?? 'no content type'}`, () => {
      const built = event({ method: 'POST', headers: contentType ? [['Content-Type', contentType]] : [], body: Buffer.from('é=1') });
      assert.deepEqual([built['body'], built['isBase64Encoded']], [binary ? Buffer.from('é=1').toString('base64') : 'é=1', binary]);
    });
  }
});

describe('runtime: function URLs, the response', () => {
  const text = (body: Buffer) => body.toString('utf8');
  const cases: ReadonlyArray<{ name: string; payload: string; status: number; headers: Array<[string, string]>; body: string }> = [
    {
      name: "an object with statusCode: its status, headers, cookies as Set-Cookie, body",
      payload: JSON.stringify({ statusCode: 201, headers: { 'Content-Type': 'application/json', 'My-Custom-Header': 'Custom Value' }, body: '{"message":"Hello, world!"}', cookies: ['Cookie_1=Value1; Max-Age=78000', 'Cookie_2=Value2'] }),
      status: 201,
      headers: [['Content-Type', 'application/json'], ['My-Custom-Header', 'Custom Value'], ['set-cookie', 'Cookie_1=Value1; Max-Age=78000'], ['set-cookie', 'Cookie_2=Value2']],
      body: '{"message":"Hello, world!"}',
    },
    { name: 'a string: 200, application/json, the JSON as body', payload: '"Hello, world!"', status: 200, headers: [['content-type', 'application/json']], body: '"Hello, world!"' },
    { name: 'an object without statusCode: 200, application/json, the JSON as body', payload: '{"message":"Hello, world!"}', status: 200, headers: [['content-type', 'application/json']], body: '{"message":"Hello, world!"}' },
    { name: 'a base64 body, decoded', payload: JSON.stringify({ statusCode: 200, isBase64Encoded: true, body: Buffer.from('bin').toString('base64') }), status: 200, headers: [], body: 'bin' },
    { name: 'no body: empty', payload: JSON.stringify({ statusCode: 204 }), status: 204, headers: [], body: '' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const response = functionUrlResponse(c.payload);
      assert.deepEqual([response.status, response.headers, text(response.body)], [c.status, c.headers, c.body]);
    });
  }

  const refused: ReadonlyArray<[string, string]> = [
    ['a status code that is not a number from 100 to 599', JSON.stringify({ statusCode: 'two hundred' })],
    ['a body that is not a string', JSON.stringify({ statusCode: 200, body: { a: 1 } })],
    ['headers that are not an object', JSON.stringify({ statusCode: 200, headers: ['x'] })],
    ['a result that is not JSON', 'not json'],
  ];
  for (const [name, payload] of refused) it(`answers 502 Internal Server Error for ${name}`, () => assert.deepEqual(functionUrlResponse(payload), internalServerError));

  it("starts a streamed response with its prelude's status and headers, or 200 with the stream's type", () => {
    const prelude = Buffer.from(JSON.stringify({ statusCode: 201, headers: { 'x-a': 'b' }, cookies: ['c=1'] }));
    const full = Buffer.concat([prelude, Buffer.alloc(8), Buffer.from('<p>')]);
    assert.equal(streamedHead('application/vnd.awslambda.http-integration-response', prelude), undefined, 'the prelude is not over yet');
    assert.deepEqual(streamedHead('application/vnd.awslambda.http-integration-response', full), { head: { status: 201, headers: [['x-a', 'b'], ['set-cookie', 'c=1']] }, rest: Buffer.from('<p>') });
    assert.deepEqual(streamedHead('text/plain', Buffer.from('one')), { head: { status: 200, headers: [['content-type', 'text/plain']] }, rest: Buffer.from('one') });
  });
});
