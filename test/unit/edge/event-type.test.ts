import assert from 'node:assert/strict';
import { applyEdits } from 'jsonc-parser';
import { createWorkbenchService } from '../../../server/src/workbench';
import { checkTable } from '../check-table';
import { changed, docsExample } from './events';

checkTable('edge.event-type', {
  valid: [
    { name: 'the docs\' viewer-request example', text: docsExample('viewer-request') },
    { name: 'the docs\' origin-response example', text: docsExample('origin-response') },
    { name: 'a response event without its request', text: changed('viewer-response', (cf) => delete cf['request']) },
  ],
  invalid: [
    {
      name: 'an event type CloudFront does not have',
      text: changed('viewer-request', (cf) => (cf['config'].eventType = 'viewer_request')),
      findings: [{ at: '"viewer_request"', message: /^eventType "viewer_request" is not a Lambda@Edge event type; CloudFront sends viewer-request, origin-request, origin-response, viewer-response\.$/, fixes: ['Change eventType to "viewer-request"'] }],
    },
    {
      name: 'a boolean',
      text: changed('viewer-request', (cf) => (cf['config'].eventType = true)),
      findings: [{ at: 'true', message: /^eventType true is not a Lambda@Edge event type/ }],
    },
    {
      name: 'viewer-request with a response',
      text: changed('viewer-response', (cf) => (cf['config'].eventType = 'viewer-request')),
      findings: [{ at: '"viewer-request"', message: 'eventType "viewer-request" does not match the event: it has a response, which only origin-response and viewer-response events carry.', fixes: ['Change eventType to "viewer-response"'] }],
    },
    {
      name: 'origin-response without a response',
      text: changed('origin-request', (cf) => (cf['config'].eventType = 'origin-response')),
      findings: [{ at: '"origin-response"', message: 'eventType "origin-response" does not match the event: it has no response, which origin-response events always carry.' }],
    },
    {
      name: 'viewer-request with an origin',
      text: changed('origin-request', (cf) => (cf['config'].eventType = 'viewer-request')),
      findings: [{ at: '"viewer-request"', message: 'eventType "viewer-request" does not match the event: its request has an origin, which only origin-request and origin-response events carry.', fixes: ['Change eventType to "origin-request"'] }],
    },
    {
      name: 'origin-request without an origin',
      text: changed('viewer-request', (cf) => (cf['config'].eventType = 'origin-request')),
      findings: [{ at: '"origin-request"', message: 'eventType "origin-request" does not match the event: its request has no origin, which origin-request events always carry.', fixes: ['Add an origin (a custom origin)', 'Change eventType to "viewer-request"'] }],
    },
  ],
});

describe('edge.event-type: adding the missing origin', () => {
  it('gives an origin-request event without an origin one that passes every check', () => {
    const text = changed('viewer-request', (cf) => (cf['config'].eventType = 'origin-request'));
    const service = createWorkbenchService();
    const finding = service.analyze(text).findings.find((f) => f.id === 'edge.event-type');
    const fix = finding?.fixes?.[0];
    assert.equal(fix?.preferred, true);
    const fixed = applyEdits(text, (fix?.edits ?? []).map((e) => ({ offset: e.offset, length: e.length, content: e.newText })));
    assert.deepEqual(service.analyze(fixed).findings.map((f) => `${f.id}: ${f.message}`), []);
  });
});
