import assert from 'node:assert/strict';
import { createWorkbenchService } from '../../../server/src/workbench';
import { checkTable } from '../check-table';
import { changed, docsExample } from './events';

const functionsEvent = (request: object, response?: object) =>
  JSON.stringify({ version: '1.0', context: { eventType: response ? 'viewer-response' : 'viewer-request' }, viewer: { ip: '203.0.113.178' }, request, ...(response ? { response } : {}) }, null, 2);

checkTable('edge.event-family', {
  valid: [
    { name: 'the docs\' viewer-request example', text: docsExample('viewer-request') },
    {
      name: 'a CloudFront Functions event',
      text: functionsEvent({ method: 'GET', uri: '/index.html', querystring: { size: { value: 'large' } }, headers: { host: { value: 'www.example.com' } }, cookies: {} }),
    },
  ],
  invalid: [
    {
      name: 'context and viewer in a Lambda@Edge record',
      text: changed('viewer-request', (cf) => {
        cf['context'] = { eventType: 'viewer-request' };
        cf['viewer'] = { ip: '203.0.113.178' };
      }),
      findings: [
        { at: '"context"', message: /^"context" is CloudFront Functions' shape/ },
        { at: '"viewer"', message: /"request.clientIp"\.$/ },
      ],
    },
    {
      name: 'a query string object',
      text: changed('viewer-request', (cf) => (cf['request'].querystring = { size: { value: 'large' }, color: { value: 'red', multiValue: [{ value: 'red' }, { value: 'blue' }] } }), 0),
      findings: [{ at: '{"size":{"value":"large"},"color":{"value":"red","multiValue":[{"value":"red"},{"value":"blue"}]}}', message: /^A query string object is CloudFront Functions' shape/, fixes: ['Write it as a Lambda@Edge query string'] }],
    },
    {
      name: 'statusCode and cookies in a response',
      text: changed('viewer-response', (cf) => {
        cf['response'].statusCode = 200;
        cf['response'].cookies = {};
      }),
      findings: [
        { at: '"statusCode"', message: /a Lambda@Edge response has "status", a string such as "200"\.$/ },
        { at: '"cookies"', message: /carry cookies in the "set-cookie" header\.$/ },
      ],
    },
    {
      name: 'Lambda@Edge parts in a CloudFront Functions event',
      text: functionsEvent({ method: 'GET', uri: '/', querystring: 'a=1', clientIp: '203.0.113.178', headers: { host: [{ key: 'Host', value: 'www.example.com' }] } }, { status: '200', headers: {} }),
      findings: [
        { at: '"a=1"', message: /^A query string as text is Lambda@Edge's shape/ },
        { at: '"clientIp"', message: /"viewer.ip"\.$/ },
        { at: '"host"', message: /^Header "host" is an array of \{key, value\}, Lambda@Edge's shape/ },
        { at: '"status"', message: /"statusCode", a number\.$/ },
      ],
    },
  ],
});

describe('edge.event-family: query string fix', () => {
  it('writes every value, repeated parameters once per value', () => {
    const text = changed('viewer-request', (cf) => (cf['request'].querystring = { size: { value: 'large' }, color: { value: 'red', multiValue: [{ value: 'red' }, { value: 'blue' }] } }));
    const finding = createWorkbenchService().analyze(text).findings.find((f) => f.id === 'edge.event-family');
    assert.deepEqual(finding?.fixes?.[0]?.edits.map((e) => e.newText), ['"size=large&color=red&color=blue"']);
  });
});
