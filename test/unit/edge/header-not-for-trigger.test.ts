import { checkTable } from '../check-table';
import { changed, docsExample } from './events';

const mobile = [{ key: 'CloudFront-Is-Mobile-Viewer', value: 'false' }];

checkTable('edge.header-not-for-trigger', {
  valid: [
    { name: 'the docs\' viewer-request example', text: docsExample('viewer-request') },
    { name: 'a device header in an origin request', text: changed('origin-request', (cf) => (cf['request'].headers['cloudfront-is-mobile-viewer'] = mobile)) },
    { name: 'a device header in an origin response\'s request', text: changed('origin-response', (cf) => (cf['request'].headers['cloudfront-viewer-country'] = [{ value: 'US' }])) },
  ],
  invalid: [
    {
      name: 'a device header in a viewer request',
      text: changed('viewer-request', (cf) => (cf['request'].headers['cloudfront-is-mobile-viewer'] = mobile)),
      findings: [{ at: '"cloudfront-is-mobile-viewer"', message: 'CloudFront adds "cloudfront-is-mobile-viewer" after the viewer request event, so a viewer-request function sees it only when the viewer sent it; origin triggers see CloudFront\'s value.' }],
    },
    {
      name: 'the viewer country in a viewer response\'s request',
      text: changed('viewer-response', (cf) => (cf['request'].headers['cloudfront-viewer-country'] = [{ value: 'US' }])),
      findings: [{ at: '"cloudfront-viewer-country"', message: /so a viewer-response function sees it only when the viewer sent it/ }],
    },
  ],
});
