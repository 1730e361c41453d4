import { checkTable } from '../check-table';
import { changed, docsExample } from './events';

checkTable('edge.header-name', {
  valid: [
    { name: 'the docs\' origin-response example', text: docsExample('origin-response') },
    { name: 'a CloudFront Functions event with lower-case names', text: JSON.stringify({ version: '1.0', context: { eventType: 'viewer-request' }, viewer: { ip: '203.0.113.178' }, request: { headers: { host: { value: 'example.com' } } } }) },
  ],
  invalid: [
    {
      name: 'a capitalised map key',
      text: changed('viewer-request', (cf) => (cf['request'].headers['X-Custom'] = [{ key: 'X-Custom', value: '1' }])),
      findings: [{ at: '"X-Custom"', occurrence: 0, message: 'Header map keys are lower case: CloudFront sends "x-custom", and a handler reading headers["x-custom"] would not find "X-Custom".', fixes: ['Lower-case to "x-custom"'] }],
    },
    {
      name: 'a capitalised key next to its lower-case twin',
      text: changed('viewer-request', (cf) => (cf['request'].headers['Host'] = [{ key: 'Host', value: 'example.com' }])),
      findings: [{ at: '"Host"', occurrence: 1, message: 'Header map keys are lower case, and "host" is already in this map: merge the two entries.', fixes: [] }],
    },
    {
      name: 'a name with a space',
      text: changed('viewer-request', (cf) => (cf['request'].headers['x custom'] = [{ value: '1' }])),
      findings: [{ at: '"x custom"', message: '"x custom" is not a header name: names are non-empty and hold no spaces, colons or other separators.' }],
    },
    {
      name: 'in a CloudFront Functions event',
      text: JSON.stringify({ version: '1.0', context: { eventType: 'viewer-request' }, viewer: { ip: '203.0.113.178' }, request: { headers: { Host: { value: 'example.com' } } } }),
      findings: [{ at: '"Host"', fixes: ['Lower-case to "host"'] }],
    },
  ],
});
