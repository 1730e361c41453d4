import { checkTable } from '../check-table';
import { changed, docsExample } from './events';

const s3 = { authMethod: 'none', customHeaders: {}, domainName: 'amzn-s3-demo-bucket.s3.us-east-1.amazonaws.com', path: '' };

checkTable('edge.origin-kind', {
  valid: [
    { name: 'a custom origin', text: docsExample('origin-request') },
    { name: 'an S3 origin', text: changed('origin-request', (cf) => (cf['request'].origin = { s3 })) },
  ],
  invalid: [
    { name: 'both', text: changed('origin-request', (cf) => (cf['request'].origin.s3 = s3)), findings: [{ at: '"s3"', message: 'An origin is either "custom" or "s3", not both.' }] },
    { name: 'neither', text: changed('origin-request', (cf) => (cf['request'].origin = {})), findings: [{ at: '"origin"', message: 'The origin holds neither "custom" nor "s3"; it needs exactly one.' }] },
  ],
});
