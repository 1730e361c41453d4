import assert from 'node:assert/strict';
import { allChecks } from '../../../server/src/language/registry';
import { testedCheckIds } from '../check-table';

describe('check registry', () => {
  const checks = allChecks();

  it('has unique ids', () => {
    const ids = checks.map((c) => c.id);
    assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), []);
  });

  it('gives every check a title and an https docs link', () => {
    for (const check of checks) {
      assert.match(check.docs, /^https:\/\//, `${check.id} docs`);
      assert.ok(check.title.length > 10 && check.title.endsWith('.'), `${check.id} title is a sentence`);
    }
  });

  // Runs after every test file has registered its tables.
  after(() => {
    const untested = checks.map((c) => c.id).filter((id) => !testedCheckIds.has(id));
    assert.deepEqual(untested, [], 'every registered check has a table test (checkTable)');
  });
});
