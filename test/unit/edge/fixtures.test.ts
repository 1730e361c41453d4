import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdits } from 'jsonc-parser';
import { createWorkbenchService } from '../../../server/src/workbench';
import { docsExample } from './events';

describe('edge: the CloudFront docs\' example events', () => {
  const service = createWorkbenchService();
  for (const trigger of ['viewer-request', 'origin-request', 'origin-response', 'viewer-response'] as const) {
    it(`${trigger} is an edge event with no finding`, () => {
      const analysis = service.analyze(docsExample(trigger));
      assert.deepEqual(analysis.classification.regions.map((r) => r.shape), ['lambda-edge-event']);
      assert.deepEqual(analysis.findings.map((f) => `${f.id}: ${f.message}`), []);
    });
  }
});

describe('edge: quick fixes on a hand-written fixture', () => {
  it('leave only what has no fix once each preferred fix is applied in turn', () => {
    const service = createWorkbenchService();
    let text = readFileSync(join(__dirname, '../../../../examples/edge/events/hand-written-mistakes.json'), 'utf8');
    const applied: string[] = [];
    for (let finding = firstFixable(text); finding; finding = firstFixable(text)) {
      const fix = finding.fixes?.[0];
      assert.ok(fix && applied.length < 20, 'the fixes converge');
      applied.push(finding.id);
      text = applyEdits(text, fix.edits.map((e) => ({ offset: e.offset, length: e.length, content: e.newText })));
    }
    assert.deepEqual(applied, ['edge.missing-field', 'edge.header-name', 'edge.header-key-mismatch', 'edge.header-value', 'edge.method', 'edge.querystring', 'edge.disallowed-header', 'edge.status']);
    assert.deepEqual(service.analyze(text).findings.map((f) => f.id), ['edge.header-not-for-trigger']);
    // Removing a header leaves its neighbours as they were written.
    assert.match(text, /"headers": \{\n {12}"content-type": \[\{ "key": "Content-Type", "value": "text\/html; charset=utf-8" \}\]\n {10}\}/);

    function firstFixable(current: string) {
      return service.analyze(current).findings.find((f) => f.fixes?.length);
    }
  });
});

describe('edge: the 2019 docs\' request field listing', () => {
  it('is no event CloudFront sends: an origin in a viewer request, and both origin kinds', () => {
    const text = readFileSync(join(__dirname, '../../../../test/fixtures/edge/aws-docs-2019-request-fields.json'), 'utf8');
    const findings = createWorkbenchService().analyze(text).findings;
    assert.deepEqual(findings.map((f) => [f.id, text.slice(f.range.offset, f.range.offset + f.range.length)]), [
      ['edge.event-type', '"viewer-request"'],
      ['edge.origin-kind', '"s3"'],
    ]);
  });
});
