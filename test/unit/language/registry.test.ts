import assert from 'node:assert/strict';
import { templateKind } from '../../../server/src/language/classify';
import { allChecks, domains } from '../../../server/src/workbench';
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

  it('gives every region check a scope some domain detects, or the core\'s template', () => {
    const kinds = new Set([templateKind, ...domains.map((d) => d.kind)]);
    const strays = checks.filter((c) => c.scope !== 'document' && !kinds.has(c.scope)).map((c) => `${c.id}: ${c.scope}`);
    assert.deepEqual(strays, [], 'a scope no region has would never run');
  });

  // Runs after every test file has registered its tables.
  after(() => {
    const untested = checks.map((c) => c.id).filter((id) => !testedCheckIds.has(id));
    assert.deepEqual(untested, [], 'every registered check has a table test (checkTable)');
  });
});
