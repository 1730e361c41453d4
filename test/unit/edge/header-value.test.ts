import { checkTable } from '../check-table';
import { changed, docsExample } from './events';

checkTable('edge.header-value', {
  valid: [
    { name: 'the docs\' origin-request example', text: docsExample('origin-request') },
    { name: 'an empty value', text: changed('viewer-request', (cf) => (cf['request'].headers['x-custom'] = [{ key: 'X-Custom', value: '' }])) },
  ],
  invalid: [
    {
      name: 'a boolean',
      text: changed('viewer-request', (cf) => (cf['request'].headers['cloudfront-is-mobile-viewer'] = [{ key: 'CloudFront-Is-Mobile-Viewer', value: true }])),
      findings: [{ at: 'true', message: /^The value of header "cloudfront-is-mobile-viewer" must be a string, not true: CloudFront sends strings/, fixes: ['Turn the boolean into a string'] }],
    },
    {
      name: 'a number',
      text: changed('origin-response', (cf) => (cf['response'].headers['content-length'] = [{ key: 'Content-Length', value: 9593 }])),
      findings: [{ at: '9593', message: /must be a string, not the number 9593/, fixes: ['Turn the number into a string'] }],
    },
    {
      name: 'a line break',
      text: changed('viewer-request', (cf) => (cf['request'].headers['x-custom'] = [{ key: 'X-Custom', value: 'a\r\nSet-Cookie: x=1' }])),
      findings: [{ at: '"a\\r\\nSet-Cookie: x=1"', message: 'The value of header "x-custom" holds a line break (CR or LF), which no HTTP header value can.' }],
    },
  ],
});
