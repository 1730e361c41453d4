import assert from 'node:assert/strict';
import type { FailureCode, TargetAnswer } from '../../../server/src/alb/lambda/limits';
import { answerFromInvoke, answerFromResult } from '../../../server/src/alb/lambda/response';

// A Lambda target's result converted to the client's response as ALB does, against
// AWS's example responses ("Lambda functions as targets"), and every 502 ALB answers
// instead, each naming its reason.

const badGatewayPage = '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n';

function lines(answer: TargetAnswer): string[] {
  return answer.response.headers.map((h) => `${h.name}: ${h.value}`);
}

describe('ALB Lambda target: the response', () => {
  it("converts AWS's example response", () => {
    const answer = answerFromResult(
      JSON.stringify({ isBase64Encoded: false, statusCode: 200, statusDescription: '200 OK', headers: { 'Set-cookie': 'cookies', 'Content-Type': 'application/json' }, body: 'Hello from Lambda (optional)' }),
      false,
    );
    assert.equal(answer.failure, undefined);
    assert.equal(answer.response.status, 200);
    assert.equal(answer.response.reason, 'OK');
    assert.deepEqual(lines(answer), ['Set-cookie: cookies', 'Content-Type: application/json', 'Content-Length: 28']);
    assert.equal(answer.response.body, 'Hello from Lambda (optional)');
    assert.deepEqual(answer.notes, []);
  });

  it("sends one header line per value of AWS's multi-value example", () => {
    const cookies = ['cookie-name=cookie-value;Domain=myweb.com;Secure;HttpOnly', 'cookie-name=cookie-value;Expires=May 8, 2019'];
    const answer = answerFromResult(JSON.stringify({ statusCode: 200, multiValueHeaders: { 'Set-cookie': cookies, 'Content-Type': ['application/json'] } }), true);
    assert.deepEqual(lines(answer), [`Set-cookie: ${cookies[0] ?? ''}`, `Set-cookie: ${cookies[1] ?? ''}`, 'Content-Type: application/json', 'Content-Length: 0']);
  });

  it('takes a bare statusCode: the other fields may be left out', () => {
    const answer = answerFromResult('{"statusCode":204}', false);
    assert.equal(answer.failure, undefined);
    assert.equal(answer.response.status, 204);
    assert.equal(answer.response.reason, undefined);
    assert.deepEqual(lines(answer), ['Content-Length: 0']);
    assert.equal(answer.response.bodyLength, 0);
  });

  it('decodes a base64 body into the bytes the client gets', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0x00]);
    const answer = answerFromResult(JSON.stringify({ statusCode: 200, isBase64Encoded: true, headers: { 'Content-Type': 'image/png' }, body: png.toString('base64') }), false);
    assert.equal(answer.response.binary, true);
    assert.equal(answer.response.body, '');
    assert.equal(answer.response.bodyLength, 10);
    assert.equal(answer.response.bodyBase64, png.toString('base64'));
    assert.deepEqual(lines(answer), ['Content-Type: image/png', 'Content-Length: 10']);
  });

  it('shows a base64 body of a text type as its text', () => {
    const answer = answerFromResult(JSON.stringify({ statusCode: 200, isBase64Encoded: true, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: Buffer.from('héllo').toString('base64') }), false);
    assert.equal(answer.response.binary, false);
    assert.equal(answer.response.body, 'héllo');
    assert.equal(answer.response.bodyLength, 6);
  });

  it('sends a body that is not base64-encoded as its UTF-8 bytes', () => {
    const answer = answerFromResult(JSON.stringify({ statusCode: 200, headers: { 'content-type': 'text/plain' }, body: 'héllo' }), false);
    assert.deepEqual(lines(answer), ['content-type: text/plain', 'Content-Length: 6']);
  });

  it('drops hop-by-hop headers, computes Content-Length, and fills in a missing Content-Type, saying so', () => {
    const answer = answerFromResult(JSON.stringify({ statusCode: 200, headers: { Connection: 'close', 'Transfer-Encoding': 'chunked', 'Content-Length': '99', 'X-Kept': 'yes' }, body: 'abc' }), false);
    assert.deepEqual(lines(answer), ['X-Kept: yes', 'Content-Type: application/octet-stream', 'Content-Length: 3']);
    assert.deepEqual(answer.notes, [
      'ALB dropped the hop-by-hop header Connection.',
      'ALB dropped the hop-by-hop header Transfer-Encoding.',
      "ALB replaced Content-Length: 99 with the body's length, 3.",
      'The function gave no Content-Type, so ALB sent application/octet-stream.',
    ]);
  });

  it('reads only the header field the target group setting names, and says the other was ignored', () => {
    const both = { statusCode: 200, headers: { 'X-Single': 'a' }, multiValueHeaders: { 'X-Multi': ['b', 'c'] } };
    const single = answerFromResult(JSON.stringify(both), false);
    assert.deepEqual(lines(single), ['X-Single: a', 'Content-Length: 0']);
    assert.deepEqual(single.notes, ['ALB ignored multiValueHeaders: multi-value headers are off for this target group, so it reads only headers.']);
    const multi = answerFromResult(JSON.stringify(both), true);
    assert.deepEqual(lines(multi), ['X-Multi: b', 'X-Multi: c', 'Content-Length: 0']);
    assert.deepEqual(multi.notes, ['ALB ignored headers: multi-value headers are on for this target group, so it reads only multiValueHeaders.']);
  });

  it('keeps a statusDescription that does not repeat the code as the reason phrase', () => {
    assert.equal(answerFromResult('{"statusCode":418,"statusDescription":"Short and stout"}', false).response.reason, 'Short and stout');
  });
});

describe('ALB Lambda target: 502 Bad Gateway', () => {
  const cases: Array<{ name: string; payload: string; multi?: boolean; code: FailureCode; message: string }> = [
    { name: 'a response over 1 MB', payload: JSON.stringify({ statusCode: 200, body: 'x'.repeat(1024 * 1024) }), code: 'LambdaResponseTooLarge', message: 'the response is 1,048,604 bytes of JSON; ALB takes at most 1,048,576 (1 MB)' },
    { name: 'a result that is not JSON', payload: '{"statusCode":', code: 'LambdaInvalidResponse', message: 'the result is not JSON' },
    { name: 'no result (null)', payload: 'null', code: 'LambdaInvalidResponse', message: 'the result is null, not an object with a statusCode' },
    { name: 'a string result', payload: '"hello"', code: 'LambdaInvalidResponse', message: 'the result is the string "hello", not an object with a statusCode' },
    { name: 'a list result', payload: '[200]', code: 'LambdaInvalidResponse', message: 'the result is a list, not an object with a statusCode' },
    { name: 'a missing statusCode', payload: '{"body":"hi"}', code: 'LambdaInvalidResponse', message: 'statusCode is missing' },
    { name: 'a statusCode that is a string', payload: '{"statusCode":"200"}', code: 'LambdaInvalidResponse', message: 'statusCode is the string "200", not a number' },
    { name: 'a null statusCode', payload: '{"statusCode":null}', code: 'LambdaInvalidResponse', message: 'statusCode is null, not a number' },
    { name: 'a fractional statusCode', payload: '{"statusCode":200.5}', code: 'LambdaInvalidResponse', message: 'statusCode 200.5 is not an HTTP status code (a whole number from 100 to 599)' },
    { name: 'a statusCode out of range', payload: '{"statusCode":42}', code: 'LambdaInvalidResponse', message: 'statusCode 42 is not an HTTP status code (a whole number from 100 to 599)' },
    { name: 'a null statusDescription', payload: '{"statusCode":301,"statusDescription":null}', code: 'LambdaInvalidResponse', message: 'statusDescription is null, not a string' },
    { name: 'a body that is an object', payload: '{"statusCode":200,"body":{"a":1}}', code: 'LambdaInvalidResponse', message: 'body is an object, not a string' },
    { name: 'a null body', payload: '{"statusCode":200,"body":null}', code: 'LambdaInvalidResponse', message: 'body is null, not a string' },
    { name: 'isBase64Encoded as a string', payload: '{"statusCode":200,"isBase64Encoded":"true"}', code: 'LambdaInvalidResponse', message: 'isBase64Encoded is the string "true", not true or false' },
    { name: 'a null isBase64Encoded', payload: '{"statusCode":200,"isBase64Encoded":null}', code: 'LambdaInvalidResponse', message: 'isBase64Encoded is null, not true or false' },
    { name: 'a body that is not base64', payload: '{"statusCode":200,"isBase64Encoded":true,"body":"not base64!"}', code: 'LambdaInvalidResponse', message: 'body is not valid base64, yet isBase64Encoded is true' },
    { name: 'null headers', payload: '{"statusCode":200,"headers":null}', code: 'LambdaInvalidResponse', message: 'headers is null, not an object' },
    { name: 'a header value that is not a string', payload: '{"statusCode":200,"headers":{"Access-Control-Allow-Credentials":true}}', code: 'LambdaInvalidResponse', message: 'headers["Access-Control-Allow-Credentials"] is the boolean true, not a string' },
    {
      name: 'a list of values without multi-value headers',
      payload: '{"statusCode":200,"headers":{"Set-Cookie":["a=1","b=2"]}}',
      code: 'LambdaInvalidResponse',
      message: 'headers["Set-Cookie"] is a list, not a string (a list of values needs multi-value headers on the target group, and multiValueHeaders)',
    },
    { name: 'null multiValueHeaders with multi-value headers', payload: '{"statusCode":200,"multiValueHeaders":null}', multi: true, code: 'LambdaInvalidResponse', message: 'multiValueHeaders is null, not an object' },
    { name: 'a single string in multiValueHeaders', payload: '{"statusCode":200,"multiValueHeaders":{"Content-Type":"text/plain"}}', multi: true, code: 'LambdaInvalidResponse', message: 'multiValueHeaders["Content-Type"] is the string "text/plain", not a list of strings' },
    { name: 'a value in multiValueHeaders that is not a string', payload: '{"statusCode":200,"multiValueHeaders":{"X-N":["1",2]}}', multi: true, code: 'LambdaInvalidResponse', message: 'multiValueHeaders["X-N"][1] is the number 2, not a string' },
  ];
  for (const c of cases) {
    it(`for ${c.name}`, () => {
      const answer = answerFromResult(c.payload, c.multi ?? false);
      assert.deepEqual(answer.failure && { code: answer.failure.code, message: answer.failure.message }, { code: c.code, message: c.message });
      assert.equal(answer.response.status, 502);
      assert.equal(answer.response.body, badGatewayPage);
      assert.deepEqual(lines(answer), ['Server: awselb/2.0', 'Content-Type: text/html', `Content-Length: ${badGatewayPage.length}`]);
    });
  }

  it('for a response of exactly 1 MB, none: the limit is inclusive', () => {
    const body = 'x'.repeat(1024 * 1024 - '{"statusCode":200,"body":""}'.length);
    assert.equal(answerFromResult(JSON.stringify({ statusCode: 200, body }), false).failure, undefined);
  });

  const invokes: Array<{ name: string; outcome: Parameters<typeof answerFromInvoke>[0]; code: FailureCode; message: string }> = [
    {
      name: 'a handler error',
      outcome: { status: 'function-error', payload: '{"errorType":"TypeError","errorMessage":"x is not a function\\nmore","trace":[]}', errorType: 'TypeError', timedOut: false },
      code: 'LambdaUnhandled',
      message: 'the function failed with TypeError: x is not a function',
    },
    {
      name: 'a timeout',
      outcome: { status: 'function-error', payload: '{"errorType":"Sandbox.Timedout","errorMessage":"RequestId: 1 Error: Task timed out after 3.00 seconds"}', errorType: 'Sandbox.Timedout', timedOut: true },
      code: 'LambdaUnhandled',
      message: 'the function did not respond before its timeout (Sandbox.Timedout: RequestId: 1 Error: Task timed out after 3.00 seconds)',
    },
    {
      name: 'a throttled invoke',
      outcome: { status: 'rejected', payload: '{"errorType":"TooManyRequestsException","errorMessage":"Rate Exceeded."}', errorType: 'TooManyRequestsException', timedOut: false },
      code: 'LambdaThrottling',
      message: 'Lambda refused the invoke (TooManyRequestsException: Rate Exceeded.)',
    },
  ];
  for (const c of invokes) {
    it(`for ${c.name}`, () => {
      const answer = answerFromInvoke(c.outcome, false);
      assert.deepEqual(answer.failure && { code: answer.failure.code, message: answer.failure.message }, { code: c.code, message: c.message });
      assert.equal(answer.response.status, 502);
    });
  }

  it('converts a successful invoke as its result', () => {
    const answer = answerFromInvoke({ status: 'success', payload: '{"statusCode":200,"body":"ok"}', timedOut: false }, false);
    assert.equal(answer.response.status, 200);
    assert.equal(answer.response.body, 'ok');
  });
});
