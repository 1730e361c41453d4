import { checkTable } from '../check-table';
import { changed, docsExample } from './events';

checkTable('edge.header-shape', {
  valid: [
    { name: 'the docs\' viewer-response example', text: docsExample('viewer-response') },
    { name: 'an entry without key', text: changed('viewer-request', (cf) => (cf['request'].headers['x-custom'] = [{ value: '1' }])) },
    { name: 'two values', text: changed('viewer-request', (cf) => (cf['request'].headers['accept'] = [{ key: 'Accept', value: 'text/html' }, { key: 'Accept', value: '*/*' }])) },
  ],
  invalid: [
    {
      name: 'a CloudFront Functions {value}',
      text: changed('viewer-request', (cf) => (cf['request'].headers['x-custom'] = { value: '1' }), 0),
      findings: [{ at: '{"value":"1"}', message: 'Header "x-custom" must be an array of {key, value} objects ({"value": ...} alone is CloudFront Functions\' shape); CloudFront says "Each header entry in the headers object must be an array."', fixes: ['Make it an array of {key, value}'] }],
    },
    {
      name: 'a bare string',
      text: changed('viewer-request', (cf) => (cf['request'].headers['x-custom'] = 'on'), 0),
      findings: [{ at: '"on"', message: /^Header "x-custom" must be an array of \{key, value\} objects, not "on"; CloudFront says/, fixes: ['Make it an array of {key, value}'] }],
    },
    {
      name: 'an array of strings',
      text: changed('viewer-request', (cf) => (cf['request'].headers['x-custom'] = ['on']), 0),
      findings: [{ at: '"on"', message: 'Each value of header "x-custom" is an object {key, value}, not "on".' }],
    },
    {
      name: 'an entry without value',
      text: changed('viewer-request', (cf) => (cf['request'].headers['x-custom'] = [{ key: 'X-Custom' }]), 0),
      findings: [{ at: '{"key":"X-Custom"}', message: 'This entry of header "x-custom" lacks "value".' }],
    },
  ],
});
