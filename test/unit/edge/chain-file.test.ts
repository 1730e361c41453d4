import assert from 'node:assert/strict';
import { parseChainFile } from '../../../server/src/edge/simulate/chain-file';

describe('edge: the "edge" section of lambda-workbench.json', () => {
  it('reads handlers, a local origin URL and the origin as origin triggers see it', () => {
    const { file, problems } = parseChainFile({ 'viewer-request': 'edge/index.handler', origin: { type: 's3', url: 'http://localhost:8080/site' } }, 'edge');
    assert.deepEqual(problems, []);
    assert.deepEqual(file?.handlers, { 'viewer-request': 'edge/index.handler' });
    assert.equal(file?.source.kind === 'url' ? file.source.url.href : undefined, 'http://localhost:8080/site');
    assert.deepEqual(Object.keys(file?.origin ?? {}), ['s3']);
    assert.equal(file?.originDomain, 'amzn-s3-demo-bucket.s3.us-east-1.amazonaws.com');
  });

  it('takes a fixed response', () => {
    const { file } = parseChainFile({ origin: { response: { status: '404', body: 'missing' } } }, 'edge');
    assert.deepEqual(file?.source, { kind: 'response', response: { status: '404', body: 'missing', headers: {} } });
    assert.equal(file?.originDomain, 'www.example.org');
  });

  const invalid: ReadonlyArray<[string, unknown, RegExp]> = [
    ['not an object', [], /^edge must be an object/],
    ['no origin', { 'viewer-request': 'a.handler' }, /^edge\.origin must be an object with "url"/],
    ['both url and response', { origin: { url: 'http://127.0.0.1:1', response: { status: '200' } } }, /needs exactly one of "url" and "response"/],
    ['a remote URL', { origin: { url: 'https://example.com' } }, /must point at this machine/],
    ['a status number', { origin: { response: { status: 200 } } }, /^edge\.origin\.response must be a response as Lambda@Edge writes one/],
    ['a handler without export', { 'origin-request': 'index', origin: { response: { status: '200' } } }, /^edge\.origin-request must be a handler string/],
    ['an unknown origin setting', { origin: { response: { status: '200' }, port: 8080 } }, /^edge\.origin\.port is not a known setting/],
  ];
  for (const [name, raw, message] of invalid) {
    it(`refuses ${name}`, () => {
      const { file, problems } = parseChainFile(raw, 'edge');
      assert.equal(file, undefined);
      assert.ok(problems.some((p) => message.test(p)), problems.join('\n'));
    });
  }
});
