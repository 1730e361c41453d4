import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

/**
 * The test entry that VS Code loads into the extension host, through code-server's payload
 * (test/harness/run-vscode-tests.mjs) or @vscode/test-electron: runs every compiled
 * `*.test.js` beside it and rejects when a test fails or none ran.
 */
export async function run(): Promise<void> {
  // Set by the harness's --grep, to run a subset (e.g. the untrusted-workspace tests).
  const grep = process.env['LAMBDA_WORKBENCH_TEST_GREP'];
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, ...(grep ? { grep } : {}) });
  const files = testFiles(__dirname);
  if (files.length === 0) throw new Error(`no *.test.js under ${__dirname}`);
  for (const file of files) mocha.addFile(file);

  const counts = { passed: 0, failed: 0, skipped: 0 };
  await new Promise<void>((resolve) => {
    // Mocha starts on the next tick, so these listeners see every test.
    mocha
      .run(() => resolve())
      .on('pass', () => counts.passed++)
      .on('fail', () => counts.failed++)
      .on('pending', () => counts.skipped++);
  });
  // A closing line that CI reads, whatever the runner.
  console.log(`integration: ${counts.passed} passed, ${counts.failed} failed${counts.skipped > 0 ? `, ${counts.skipped} skipped` : ''}`);
  if (counts.failed > 0) throw new Error(`${counts.failed} integration test(s) failed`);
  if (counts.passed === 0) throw new Error(grep ? `no integration test matches --grep ${grep}` : 'no integration test ran');
}

function testFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.test.js'))
    .sort()
    .map((name) => path.join(dir, name));
}
