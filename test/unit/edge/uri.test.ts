import { checkTable } from '../check-table';
import { changed, docsExample } from './events';

checkTable('edge.uri', {
  valid: [
    { name: 'the docs\' example "/"', text: docsExample('viewer-request') },
    { name: 'percent-encoded', text: changed('viewer-request', (cf) => (cf['request'].uri = '/images/a%20b.jpg')) },
  ],
  invalid: [
    { name: 'no leading slash', text: changed('viewer-request', (cf) => (cf['request'].uri = 'index.html')), findings: [{ at: '"index.html"', message: 'The uri "index.html" must start with "/": it is the path of the requested object.', fixes: ['Add the leading "/"'] }] },
    { name: 'a query string in the uri', text: changed('viewer-request', (cf) => (cf['request'].uri = '/search?q=edge')), findings: [{ at: '"/search?q=edge"', message: 'The uri holds a "?": CloudFront passes the query string apart, in "querystring".', fixes: ['Move the query string to "querystring"'] }] },
    { name: 'a query string in the uri, querystring taken', text: changed('viewer-request', (cf) => {
      cf['request'].uri = '/search?q=edge';
      cf['request'].querystring = 'page=2';
    }), findings: [{ at: '"/search?q=edge"', fixes: [] }] },
    { name: 'a fragment', text: changed('viewer-request', (cf) => (cf['request'].uri = '/docs#intro')), findings: [{ at: '"/docs#intro"', message: /never send the fragment/ }] },
    { name: 'a space', text: changed('viewer-request', (cf) => (cf['request'].uri = '/a b')), findings: [{ at: '"/a b"', message: /percent-encoded \(%20\)\.$/ }] },
  ],
});
