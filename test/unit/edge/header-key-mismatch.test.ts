import { checkTable } from '../check-table';
import { changed, docsExample } from './events';

checkTable('edge.header-key-mismatch', {
  valid: [
    { name: 'the docs\' viewer-request example (key "accept" in lower case)', text: docsExample('viewer-request') },
    { name: 'no key at all', text: changed('viewer-request', (cf) => (cf['request'].headers['x-custom'] = [{ value: '1' }])) },
  ],
  invalid: [
    {
      name: 'a key naming another header',
      text: changed('viewer-request', (cf) => (cf['request'].headers['user-agent'] = [{ key: 'User-Agnet', value: 'curl/8.5.0' }])),
      findings: [{ at: '"User-Agnet"', message: 'The key "User-Agnet" does not match the header name "user-agent": CloudFront sends the header under its key, so both must name the same header.', fixes: ['Change the key to "User-Agent"'] }],
    },
    {
      name: 'the fix spells CloudFront\'s own headers as CloudFront does',
      text: changed('origin-request', (cf) => (cf['request'].headers['cloudfront-is-tablet-viewer'] = [{ key: 'Cloudfront-Is-Mobile-Viewer', value: 'false' }])),
      findings: [{ at: '"Cloudfront-Is-Mobile-Viewer"', fixes: ['Change the key to "CloudFront-Is-Tablet-Viewer"'] }],
    },
    {
      name: 'a key that is not a string',
      text: changed('viewer-request', (cf) => (cf['request'].headers['x-custom'] = [{ key: null, value: '1' }])),
      findings: [{ at: 'null', message: 'The key of header "x-custom" must be a string (the header\'s name), not null.', fixes: ['Change the key to "X-Custom"'] }],
    },
  ],
});
