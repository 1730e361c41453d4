import { checkTable } from '../check-table';
import { changed, docsExample } from './events';

checkTable('edge.status', {
  valid: [
    { name: 'the docs\' "200"', text: docsExample('origin-response') },
    { name: 'an origin error in an origin response', text: changed('origin-response', (cf) => (cf['response'].status = '503')) },
    { name: 'a redirect in a viewer response', text: changed('viewer-response', (cf) => (cf['response'].status = '304')) },
  ],
  invalid: [
    { name: 'a number', text: changed('origin-response', (cf) => (cf['response'].status = 200)), findings: [{ at: '200', message: '"status" must be a string such as "200", not the number 200.', fixes: ['Turn the number into a string'] }] },
    { name: 'not three digits', text: changed('origin-response', (cf) => (cf['response'].status = '2000')), findings: [{ at: '"2000"', message: '"2000" is not an HTTP status code: three digits, 100 to 599.' }] },
    { name: 'an error status in a viewer response', text: changed('viewer-response', (cf) => (cf['response'].status = '404')), findings: [{ at: '"404"', message: 'CloudFront runs no viewer-response function when the origin returns 404 (400 or more), so this event never happens.' }] },
  ],
});
