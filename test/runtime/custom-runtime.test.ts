import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliScript, repoRoot } from './harness';

/** Custom runtimes (provided.al2023): the code folder's own bootstrap, speaking the Runtime API itself. */
const fixtures = join(repoRoot, 'test/fixtures/runtime');

function invoke(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [cliScript, 'invoke', ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 30_000 });
}

describe('runtime: custom runtimes', function () {
  this.timeout(60_000);
  const scratch = mkdtempSync(join(tmpdir(), 'lwb-custom-'));
  const event = join(scratch, 'event.json');
  writeFileSync(event, '{"a": 1}');
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('runs a shell bootstrap driving curl, as AWS\'s tutorial does, with Lambda\'s variables', () => {
    const root = join(fixtures, 'custom');
    const result = invoke('function.handler', '--runtime', 'provided.al2023', '--root', root, '--event', event);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout), { echo: { a: 1 }, handler: 'function.handler', root });
    assert.match(result.stderr, /START RequestId: (\S+) Version: \$LATEST\nhandling \1 with function\.handler\nEND RequestId: \1/);
  });

  it('runs a Rust binary built with the standard library alone (when rustc is on the machine)', function () {
    const built = spawnSync('rustc', ['-o', join(scratch, 'bootstrap'), join(fixtures, 'rust', 'main.rs')], { encoding: 'utf8', timeout: 120_000 });
    if (built.error) this.skip();
    assert.equal(built.status, 0, built.stderr);
    const result = invoke('main', '--runtime', 'provided.al2', '--root', scratch, '--event', event);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout), { language: 'rust', handler: 'main', eventBytes: 8 });
  });

  it('says what is missing when the code folder has no bootstrap', () => {
    const result = invoke('main', '--runtime', 'provided.al2023', '--root', join(repoRoot, 'examples/handlers'));
    assert.equal(result.status, 2);
    assert.match(result.stderr, /provided\.al2023: the provided\.al2023 runtime runs the code folder's bootstrap executable, and \S+examples\/handlers\/bootstrap does not exist/);
  });
});
