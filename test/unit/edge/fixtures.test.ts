import assert from 'node:assert/strict';
import { createLanguageService } from '../../../server/src/language/service';
import { docsExample } from './events';

describe('edge: the CloudFront docs\' example events', () => {
  const service = createLanguageService();
  for (const trigger of ['viewer-request', 'origin-request', 'origin-response', 'viewer-response'] as const) {
    it(`${trigger} is an edge event with no finding`, () => {
      const analysis = service.analyze(docsExample(trigger));
      assert.deepEqual(analysis.classification.regions.map((r) => r.shape), ['lambda-edge-event']);
      assert.deepEqual(analysis.findings.map((f) => `${f.id}: ${f.message}`), []);
    });
  }
});
