import assert from 'node:assert/strict';
import { httpIntegrationContentType, splitHttpIntegrationResponse, streamedResponseView } from '../../../server/src/runtime/streamed-response';

const nul8 = Buffer.alloc(8);
const http = (prelude: string, body: Buffer | string) => Buffer.concat([Buffer.from(prelude), nul8, Buffer.isBuffer(body) ? body : Buffer.from(body)]);

describe('runtime: reading a streamed response whole', () => {
  it('splits a function URL response into prelude and body', () => {
    const split = splitHttpIntegrationResponse(http('{"statusCode":404}', 'gone'));
    assert.deepEqual([split?.prelude, split?.body.toString()], [{ statusCode: 404 }, 'gone']);
  });

  const notHttp: ReadonlyArray<[string, Buffer]> = [
    ['no delimiter', Buffer.from('{"statusCode":200}body')],
    ['a prelude that is not JSON', http('{statusCode:200', 'x')],
    ['a prelude that is not an object', http('[1,2]', 'x')],
  ];
  for (const [name, bytes] of notHttp) it(`is not a function URL response: ${name}`, () => assert.equal(splitHttpIntegrationResponse(bytes), undefined));

  const views: ReadonlyArray<{ name: string; contentType: string; body: Buffer; expected: string; json?: false }> = [
    { name: 'text as it is', contentType: 'text/plain', body: Buffer.from('héllo\n'), expected: 'héllo\n', json: false },
    { name: 'JSON text as it is', contentType: 'application/json', body: Buffer.from('{"a":1}'), expected: '{"a":1}' },
    { name: 'text holding U+FFFD itself as text', contentType: 'text/plain', body: Buffer.from('a \uFFFD b'), expected: 'a \uFFFD b', json: false },
    { name: 'a function URL response as JSON with its body', contentType: httpIntegrationContentType, body: http('{"statusCode":201,"headers":{"a":"b"}}', '<p>'), expected: `${JSON.stringify({ statusCode: 201, headers: { a: 'b' }, body: '<p>', isBase64Encoded: false }, null, 2)}\n` },
    { name: 'a function URL response with a binary body, in base64', contentType: httpIntegrationContentType, body: http('{"statusCode":200}', Buffer.from([0x89, 0x50, 0x00, 0xff])), expected: `${JSON.stringify({ statusCode: 200, body: 'iVAA/w==', isBase64Encoded: true }, null, 2)}\n` },
    { name: 'bytes that are not text, in base64 with their type', contentType: 'image/png', body: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00]), expected: `${JSON.stringify({ contentType: 'image/png', body: 'iVBORwA=', isBase64Encoded: true }, null, 2)}\n` },
  ];
  for (const { name, contentType, body, expected, json } of views) it(`reads ${name}`, () => assert.deepEqual(streamedResponseView({ contentType, body }), { text: expected, json: json ?? true }));
});
