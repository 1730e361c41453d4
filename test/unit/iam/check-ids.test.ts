import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { iamChecks } from '../../../server/src/iam/checks';

const analyzerPage = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html#access-analyzer-reference-policy-checks-';
/** Access Analyzer's finding types, as its reference prefixes its sections, and the severities we give them. */
const findingTypes: ReadonlyArray<[prefix: string, severity: string]> = [
  ['error-', 'error'],
  ['security-warning-', 'warning'],
  ['general-warning-', 'warning'],
  ['suggestion-', 'info'],
];

describe('IAM check ids', () => {
  it('are Access Analyzer issue codes (its section titles in capitals) where they link to its reference, with its finding type as severity', () => {
    for (const check of iamChecks) {
      if (!check.docs.startsWith(analyzerPage)) {
        assert.match(check.id, /^iam\.[a-z-]+$/, `${check.id}: our own checks are iam.<name>`);
        continue;
      }
      const anchor = check.docs.slice(analyzerPage.length);
      const type = findingTypes.find(([prefix]) => anchor.startsWith(prefix));
      assert.ok(type, `${check.id}: ${anchor} has a finding type`);
      assert.equal(check.id, anchor.slice(type[0].length).replace(/-/g, '_').toUpperCase(), `${check.id} is the code of ${anchor}`);
      assert.equal(check.severity, type[1], `${check.id} severity`);
    }
  });

  it('are unique, one file each under server/src/iam/checks, named by the id', () => {
    const ids = iamChecks.map((c) => c.id);
    assert.equal(new Set(ids).size, ids.length);
    const folder = join(__dirname, '..', '..', '..', '..', 'server', 'src', 'iam', 'checks');
    const files = readdirSync(folder).filter((f) => f !== 'index.ts').sort();
    const expected = ids.map((id) => `${id.replace(/^iam\./, '').toLowerCase().replace(/_/g, '-')}.ts`).sort();
    assert.deepEqual(files, expected);
  });
});
