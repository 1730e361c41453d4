import { checkTable } from '../check-table';
import { changed, docsExample } from './events';

checkTable('edge.unexpected-field', {
  valid: [
    { name: 'the docs\' viewer-response example', text: docsExample('viewer-response') },
    { name: 'a viewer request with its body', text: changed('viewer-request', (cf) => {
      cf['request'].body = { action: 'read-only', data: '', encoding: 'base64', inputTruncated: false };
    }) },
    { name: 'CloudFront Functions fields are edge.event-family\'s business', text: changed('viewer-request', (cf) => (cf['viewer'] = { ip: '203.0.113.178' })) },
  ],
  invalid: [
    {
      name: 'a misspelt field',
      text: changed('viewer-request', (cf) => (cf['request'].clientIP = '203.0.113.178')),
      findings: [{ at: '"clientIP"', message: 'Lambda@Edge events have no "clientIP" in a request; did you mean "clientIp"?', fixes: ['Rename to "clientIp"'] }],
    },
    {
      name: 'queryString',
      text: changed('viewer-request', (cf) => (cf['request'].queryString = '')),
      findings: [{ at: '"queryString"', message: /did you mean "querystring"\?$/ }],
    },
    {
      name: 'an unknown field',
      text: changed('origin-request', (cf) => (cf['request'].origin.custom.sslProtocol = 'TLSv1.2')),
      findings: [{ at: '"sslProtocol"', message: 'Lambda@Edge events have no "sslProtocol" in a custom origin; did you mean "sslProtocols"?' }],
    },
    {
      name: 'a field with no near name',
      text: changed('origin-response', (cf) => (cf['response'].body = 'hello')),
      findings: [{ at: '"body"', message: 'Lambda@Edge events have no "body" in a response.' }],
    },
    {
      name: 'a body in a response trigger\'s request',
      text: changed('viewer-response', (cf) => {
        cf['request'].body = { action: 'read-only', data: '', encoding: 'base64', inputTruncated: false };
      }),
      findings: [{ at: '"body"', message: 'viewer-response events have no "body" in a request; only viewer-request and origin-request events do.' }],
    },
  ],
});
