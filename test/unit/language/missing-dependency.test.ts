import assert from 'node:assert/strict';
import { defineCheck, MissingDependency } from '../../../server/src/language/check';
import { region } from '../../../server/src/language/classify';
import type { LanguageDomain } from '../../../server/src/language/domain';
import { createLanguageService, engineFailureId, missingDependencyId } from '../../../server/src/language/service';

/** A domain whose data file is missing: two checks and its hover need it, one check does not. */
function domainWithout(what: string): LanguageDomain {
  const missing = () => new MissingDependency(what, `The ${what} is missing: rebuild.`);
  const needsData = (id: string) =>
    defineCheck({ id, scope: 'iam-policy', severity: 'error', title: 'Needs the data.', docs: 'https://example.com', run: () => { throw missing(); } });
  return {
    kind: 'iam-policy',
    detect: (root) => (root.type === 'object' ? [region('iam-policy', 'policy', root)] : []),
    checks: [
      needsData('test.first'),
      defineCheck({ id: 'test.grammar', scope: 'iam-policy', severity: 'warning', title: 'Needs only the text.', docs: 'https://example.com', run: (c) => [{ range: { offset: c.region.node.offset, length: 1 }, message: 'still runs' }] }),
      needsData('test.second'),
    ],
    hover: () => { throw missing(); },
  };
}

describe('language service: a missing dependency', () => {
  const text = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}';

  it('is one finding per document naming the checks that did not run, and one log line for the life of the service', () => {
    const logged: string[] = [];
    const service = createLanguageService({ domains: [domainWithout('test data')], onFailure: (where, error) => logged.push(`${where}: ${String(error)}`) });
    for (let i = 0; i < 2; i++) {
      const analysis = service.analyze(text);
      assert.deepEqual(
        analysis.findings.map((f) => [f.id, f.severity, f.message, f.range.offset]),
        [
          [missingDependencyId, 'error', 'The test data is missing: rebuild. 2 checks did not run on this document (test.first, test.second).', 0],
          ['test.grammar', 'warning', 'still runs', 0],
        ],
      );
      assert.equal(service.hover(analysis, 3), undefined);
    }
    assert.deepEqual(logged, ['test data: MissingDependency: The test data is missing: rebuild.']);
  });

  it('is not an engine failure', () => {
    const service = createLanguageService({ domains: [domainWithout('test data')] });
    assert.ok(!service.analyze(text).findings.some((f) => f.id === engineFailureId));
  });
});
