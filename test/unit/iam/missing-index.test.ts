import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const repo = join(__dirname, '..', '..', '..', '..');

/** A broken install: the bundled CLI (and its check command) copied away from the iam-index.json.gz the build writes beside it. */
describe('IAM reference data missing (bundled CLI without its index)', function () {
  this.timeout(20_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'lw-no-index-'));
    copyFileSync(join(repo, 'dist', 'cli.js'), join(dir, 'cli.js'));
    mkdirSync(join(dir, 'cli'));
    copyFileSync(join(repo, 'dist', 'cli', 'check.js'), join(dir, 'cli', 'check.js'));
    // One grammar error (needs no data) and one unknown action (needs the data).
    writeFileSync(join(dir, 'policy.json'), '{"Version": "2012-10-17", "Statement": [{"Effect": "Allows", "Action": "s3:GetObjectt", "Resource": "*"}]}');
    writeFileSync(join(dir, 'other.json'), '{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}}');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reports one finding per document and logs one line, not one engine failure per check', async () => {
    const result = await promisify(execFile)(process.execPath, [join(dir, 'cli.js'), 'check', join(dir, 'policy.json'), join(dir, 'other.json')]).then(
      () => assert.fail('expected exit status 1'),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    assert.equal(result.code, 1);
    const lines = result.stdout.trimEnd().split('\n');
    const missing = lines.filter((l) => l.includes('internal.missing-dependency'));
    assert.equal(missing.length, 2, result.stdout);
    assert.match(missing[0] ?? '', /policy\.json:1:1: error internal\.missing-dependency: The IAM reference data is missing: iam-index\.json\.gz is not beside .*; rebuild with "npm run build" or reinstall the extension\. \d+ checks did not run on this document \([A-Z_]+, /);
    assert.ok(lines.some((l) => /policy\.json:1:\d+: error INVALID_EFFECT:/.test(l)), 'checks that need no data still run');
    assert.ok(!result.stdout.includes('internal.engine-failure'), result.stdout);
    // stderr also ends with the summary ("3 errors, ... in 2 files").
    const logLines = result.stderr.split('\n').filter((l) => l.startsWith('lambda-workbench:'));
    assert.equal(logLines.length, 1, result.stderr);
    assert.match(logLines[0] ?? '', /^lambda-workbench: IAM reference data failed: MissingDependency: The IAM reference data is missing: /);
  });
});
