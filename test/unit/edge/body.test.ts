import { checkTable } from '../check-table';
import { changed, docsExample } from './events';

const withBody = (trigger: 'viewer-request' | 'origin-request', body: object) => changed(trigger, (cf) => {
  cf['request'].method = 'POST';
  cf['request'].body = body;
});

checkTable('edge.body', {
  valid: [
    { name: 'no body', text: docsExample('viewer-request') },
    { name: 'a base64 body', text: withBody('viewer-request', { action: 'read-only', data: Buffer.from('name=edge').toString('base64'), encoding: 'base64', inputTruncated: false }) },
    { name: 'a truncated 40 KB body', text: withBody('viewer-request', { action: 'read-only', data: Buffer.alloc(40 * 1024).toString('base64'), encoding: 'base64', inputTruncated: true }) },
    { name: 'a 100 KB body in an origin request', text: withBody('origin-request', { action: 'read-only', data: Buffer.alloc(100 * 1024).toString('base64'), encoding: 'base64', inputTruncated: false }) },
  ],
  invalid: [
    { name: 'an unknown action', text: withBody('viewer-request', { action: 'write', data: '', encoding: 'base64', inputTruncated: false }), findings: [{ at: '"write"', message: '"write" is not a body action: "read-only" (the default) or "replace".' }] },
    { name: 'an unknown encoding', text: withBody('viewer-request', { action: 'read-only', data: '', encoding: 'utf8', inputTruncated: false }), findings: [{ at: '"utf8"', message: '"utf8" is not a body encoding: "base64" (how CloudFront passes bodies) or "text".' }] },
    { name: 'data that is not base64', text: withBody('viewer-request', { action: 'read-only', data: 'name=edge', encoding: 'base64', inputTruncated: false }), findings: [{ at: '"name=edge"', message: 'The body data is not valid base64, as its encoding says it is.' }] },
    {
      name: 'a body over 40 KB that is not truncated',
      text: withBody('viewer-request', { action: 'read-only', data: Buffer.alloc(41 * 1024).toString('base64'), encoding: 'base64', inputTruncated: false }),
      findings: [{ at: `"${Buffer.alloc(41 * 1024).toString('base64')}"`, message: 'The body is 41 KB, but CloudFront truncates viewer-request bodies at 40 KB: it would pass this one truncated, with inputTruncated true.' }],
    },
  ],
});
