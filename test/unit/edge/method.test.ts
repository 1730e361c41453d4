import { checkTable } from '../check-table';
import { changed, docsExample } from './events';

checkTable('edge.method', {
  valid: [
    { name: 'GET', text: docsExample('viewer-request') },
    { name: 'PATCH', text: changed('viewer-request', (cf) => (cf['request'].method = 'PATCH')) },
  ],
  invalid: [
    { name: 'lower case', text: changed('viewer-request', (cf) => (cf['request'].method = 'post')), findings: [{ at: '"post"', message: 'Methods are upper case: CloudFront sends "POST".', fixes: ['Change to "POST"'] }] },
    { name: 'not a method CloudFront accepts', text: changed('viewer-request', (cf) => (cf['request'].method = 'PROPFIND')), findings: [{ at: '"PROPFIND"', message: '"PROPFIND" is not a method CloudFront accepts (GET, HEAD, OPTIONS, PUT, POST, PATCH, DELETE).' }] },
  ],
});
