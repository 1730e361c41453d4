import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/**
 * The CLI's unit tests write files to temporary folders: run them with a
 * TMPDIR of their own and check they leave it as they found it.
 */
describe('CLI unit tests clean up after themselves', function () {
  this.timeout(120_000);

  it('leave no folder behind in TMPDIR', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'lwb-tmp-audit-'));
    try {
      const others = readdirSync(__dirname).filter((name) => name.endsWith('.test.js') && name !== basename(__filename)).map((name) => join(__dirname, name));
      assert.ok(others.length >= 4);
      const mocha = join(__dirname, '..', '..', '..', '..', 'node_modules', '.bin', 'mocha');
      const run = spawnSync(mocha, ['--reporter', 'dot', '--timeout', '20000', ...others], { env: { ...process.env, TMPDIR: scratch }, encoding: 'utf8' });
      assert.equal(run.status, 0, run.stdout + run.stderr);
      assert.deepEqual(readdirSync(scratch), []);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
