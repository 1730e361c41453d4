import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const repo = join(__dirname, '..', '..', '..', '..');
const cli = join(repo, 'dist', 'cli.js');
const typos = join(repo, 'examples', 'iam', 'typos.json');

/** Runs the bundled CLI as CI would, where it must find dist/iam-index.json.gz beside itself. */
async function check(...args: string[]): Promise<{ code: number; stdout: string }> {
  return promisify(execFile)(process.execPath, [cli, 'check', ...args]).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
  );
}

interface SarifRun {
  tool: { driver: { rules: Array<{ id: string; helpUri?: string }> } };
  results: Array<{ ruleId: string; level: string; locations: Array<{ physicalLocation: { region: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }> }>;
}

describe('lambda-workbench check on IAM policies (bundled CLI)', function () {
  // Each case starts a Node process that reads the IAM index: give a loaded machine room.
  this.timeout(20_000);

  it('reports the same findings as the editor, as text', async () => {
    const { code, stdout } = await check(typos);
    assert.equal(code, 1);
    assert.equal(
      stdout,
      `${typos}:7:18: error INVALID_ACTION: Amazon S3 has no action "GetObjectt". Did you mean "s3:GetObject"?\n` +
        `${typos}:10:9: error INVALID_CONDITION_OPERATOR: "StringEqual" is not a condition operator. Did you mean "StringEquals"?\n`,
    );
  });

  it('writes SARIF with Access Analyzer issue codes as rule ids and their reference links', async () => {
    const { stdout } = await check('--format', 'sarif', typos);
    const run = (JSON.parse(stdout) as { runs: SarifRun[] }).runs[0];
    assert.ok(run);
    const result = run.results.find((r) => r.ruleId === 'INVALID_ACTION');
    assert.deepEqual(result && { level: result.level, region: result.locations[0]?.physicalLocation.region }, { level: 'error', region: { startLine: 7, startColumn: 18, endLine: 7, endColumn: 33 } });
    const rule = run.tool.driver.rules.find((r) => r.id === 'INVALID_ACTION');
    assert.match(rule?.helpUri ?? '', /access-analyzer-reference-policy-checks\.html#access-analyzer-reference-policy-checks-error-invalid-action$/);
  });

  it('honours severity overrides by check id', async () => {
    const { code, stdout } = await check('--severity', 'INVALID_ACTION=off', '--severity', 'INVALID_CONDITION_OPERATOR=warning', typos);
    assert.equal(code, 0);
    assert.equal(stdout, `${typos}:10:9: warning INVALID_CONDITION_OPERATOR: "StringEqual" is not a condition operator. Did you mean "StringEquals"?\n`);
  });
});
