import assert from 'node:assert/strict';
import { applyEdits } from 'jsonc-parser';
import { createWorkbenchService } from '../../../server/src/workbench';
import { checkTable } from '../check-table';
import { changed, docsExample } from './events';

checkTable('edge.disallowed-header', {
  valid: [
    { name: 'the docs\' origin-response example', text: docsExample('origin-response') },
    { name: 'x-amz-request-id (only X-Amz-Cf-* is disallowed)', text: changed('origin-response', (cf) => (cf['response'].headers['x-amz-request-id'] = [{ key: 'x-amz-request-id', value: 'EXAMPLE' }])) },
  ],
  invalid: [
    {
      name: 'x-cache (as in sam local generate-event cloudfront)',
      text: changed('viewer-response', (cf) => (cf['response'].headers['x-cache'] = [{ key: 'X-Cache', value: 'Hit from cloudfront' }])),
      findings: [{ at: '"x-cache"', message: '"x-cache" is a disallowed header: CloudFront never exposes it to edge functions, so no event carries it, and a function that adds it fails validation (502).', fixes: ['Remove "x-cache"'] }],
    },
    {
      name: 'the X-Amz-Cf-* and X-Edge-* families',
      text: changed('viewer-request', (cf) => {
        cf['request'].headers['x-amz-cf-id'] = [{ value: 'abc' }];
        cf['request'].headers['x-edge-location'] = [{ value: 'IAD89' }];
      }),
      findings: [{ at: '"x-amz-cf-id"' }, { at: '"x-edge-location"' }],
    },
    {
      name: 'a custom origin header',
      text: changed('origin-request', (cf) => (cf['request'].origin.custom.customHeaders = { connection: [{ key: 'Connection', value: 'close' }] })),
      findings: [{ at: '"connection"', message: /so custom origin headers cannot include it/ }],
    },
  ],
});

describe('edge.disallowed-header: removing it', () => {
  it('leaves a valid event', () => {
    const text = changed('viewer-response', (cf) => (cf['response'].headers['x-cache'] = [{ key: 'X-Cache', value: 'Hit from cloudfront' }]));
    const service = createWorkbenchService();
    const fix = service.analyze(text).findings.find((f) => f.id === 'edge.disallowed-header')?.fixes?.[0];
    assert.ok(fix);
    const fixed = applyEdits(text, fix.edits.map((e) => ({ offset: e.offset, length: e.length, content: e.newText })));
    assert.deepEqual(service.analyze(fixed).findings, []);
    assert.doesNotMatch(fixed, /x-cache/);
  });
});
