import assert from 'node:assert/strict';
import { createWorkbenchService } from '../../../server/src/workbench';
import { generateEvent, generateEventText, type OriginType } from '../../../server/src/edge/generate/fixture';
import { triggers } from '../../../server/src/edge/model/triggers';

const service = createWorkbenchService();
const origins: readonly OriginType[] = ['custom', 's3'];

/** `Records[0].cf` of a generated event. */
function cf(options: Parameters<typeof generateEvent>[0]): Record<string, any> {
  const record = generateEvent(options).Records[0];
  assert.ok(record);
  return record.cf;
}

describe('edge fixture generator', () => {
  for (const trigger of triggers) {
    for (const origin of origins) {
      it(`${trigger} with a ${origin} origin passes every check`, () => {
        const analysis = service.analyze(generateEventText({ trigger, origin }));
        assert.deepEqual(analysis.classification.regions.map((r) => r.shape), ['lambda-edge-event']);
        assert.deepEqual(analysis.findings.map((f) => `${f.id}: ${f.message}`), []);
      });
    }
  }

  for (const trigger of ['viewer-request', 'origin-request'] as const) {
    it(`${trigger} with a body and a query string passes every check`, () => {
      const text = generateEventText({ trigger, origin: 's3', uri: '/form?lang=en&ref=home', body: 'name=edge&comment=hello' });
      assert.deepEqual(service.analyze(text).findings.map((f) => `${f.id}: ${f.message}`), []);
    });
  }

  it('fills what sam local generate-event leaves out', () => {
    const event = cf({ trigger: 'origin-request', origin: 'custom' });
    assert.deepEqual(Object.keys(event['config']), ['distributionDomainName', 'distributionId', 'eventType', 'requestId']);
    assert.equal(event['config'].eventType, 'origin-request');
    assert.equal(event['request'].origin.custom.domainName, 'www.example.org');
    assert.equal(event['request'].headers.host[0].value, 'www.example.org');
  });

  it('gives origin triggers an origin and response triggers a response, and no one else', () => {
    for (const trigger of triggers) {
      const event = cf({ trigger });
      assert.equal('origin' in event['request'], trigger.startsWith('origin'), `${trigger} origin`);
      assert.equal('response' in event, trigger.endsWith('response'), `${trigger} response`);
    }
  });

  it('sends the viewer\'s headers to viewer triggers and CloudFront\'s to origin triggers', () => {
    assert.equal(cf({ trigger: 'viewer-request' })['request'].headers.host[0].value, 'd111111abcdef8.cloudfront.net');
    assert.equal(cf({ trigger: 'origin-response', origin: 's3' })['request'].headers['user-agent'][0].value, 'Amazon CloudFront');
    assert.equal(cf({ trigger: 'viewer-response', origin: 's3' })['response'].headers.server[0].value, 'AmazonS3');
  });

  it('splits the query string off the uri and encodes the body as Include body does', () => {
    const request = cf({ trigger: 'viewer-request', uri: '/search?q=edge', body: 'a=1' })['request'];
    assert.equal(request.uri, '/search');
    assert.equal(request.querystring, 'q=edge');
    assert.equal(request.method, 'POST');
    assert.deepEqual(request.body, { action: 'read-only', data: 'YT0x', encoding: 'base64', inputTruncated: false });
    assert.equal(request.headers['content-length'][0].value, '3');
  });

  it('leaves the body out of response triggers', () => {
    assert.equal('body' in cf({ trigger: 'viewer-response', body: 'a=1' })['request'], false);
  });
});
