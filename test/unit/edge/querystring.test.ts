import { checkTable } from '../check-table';
import { changed, docsExample } from './events';

checkTable('edge.querystring', {
  valid: [
    { name: 'the docs\' empty query string', text: docsExample('viewer-request') },
    { name: 'parameters', text: changed('viewer-request', (cf) => (cf['request'].querystring = 'size=large&color=red%20blue')) },
    { name: 'an object is edge.event-family\'s business', text: changed('viewer-request', (cf) => (cf['request'].querystring = {})) },
  ],
  invalid: [
    { name: 'a leading "?"', text: changed('viewer-request', (cf) => (cf['request'].querystring = '?size=large')), findings: [{ at: '"?size=large"', message: 'CloudFront passes the query string without the leading "?".', fixes: ['Remove the "?"'] }] },
    { name: 'a space', text: changed('viewer-request', (cf) => (cf['request'].querystring = 'q=a b')), findings: [{ at: '"q=a b"', message: 'A query string holds no spaces, control characters or "#"; CloudFront passes them percent-encoded.' }] },
    { name: 'null', text: changed('viewer-request', (cf) => (cf['request'].querystring = null)), findings: [{ at: 'null', message: '"querystring" must be a string (empty when there is none), not null.' }] },
    { name: 'a number', text: changed('viewer-request', (cf) => (cf['request'].querystring = 42)), findings: [{ at: '42', fixes: ['Turn the number into a string'] }] },
  ],
});
