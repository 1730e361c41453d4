import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { deepArrays, deepObjects, deepPolicyString, pathologicalFile } from '../../pathological';
import { LineIndex } from '../../../server/src/document/line-index';
import { formatGithub } from '../../../server/src/cli/report-formats';
import { runCli } from './run-cli';


const folder = mkdtempSync(join(tmpdir(), 'lwb-cli-'));
const write = (name: string, text: string) => {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
};
const clean = write('clean.json', '{"Version": "2012-10-17", "Statement": []}');
const broken = write('broken.json', '{\n  "Version": "2012-10-17",\n  "Statement": [\n}');
const duplicate = write('dup.json', '{"Version": "2012-10-17",\n "Version": "2012-10-17", "Statement": []}');

// Both suites below write to the folder: remove it once the whole run is over.
after(() => rmSync(folder, { recursive: true, force: true }));

describe('lambda-workbench check', () => {
  it('prints file:line:col: severity id: message and exits 1 on an error', async () => {
    const { code, stdout, stderr } = await runCli('check', broken);
    assert.equal(code, 1);
    assert.equal(stdout, `${broken}:4:1: error json.syntax: Expected a value.\n${broken}:4:2: error json.syntax: Expected ']' to close the array.\n`);
    assert.match(stderr, /2 errors, 0 other findings in 1 file/);
  });

  it('exits 0 on clean files and prints nothing on stdout', async () => {
    const { code, stdout } = await runCli('check', clean);
    assert.equal(code, 0);
    assert.equal(stdout, '');
  });

  it('checks many files and folders in one run, recursing into folders for .json', async () => {
    const nested = join(folder, 'tree', 'policies');
    mkdirSync(nested, { recursive: true });
    writeFileSync(join(nested, 'inner.json'), '{"Version": "2012-10-17", "Statement": [],}');
    writeFileSync(join(nested, 'notes.txt'), 'not json');
    mkdirSync(join(folder, 'tree', 'node_modules'), { recursive: true });
    writeFileSync(join(folder, 'tree', 'node_modules', 'skipped.json'), '{');
    const { code, stdout } = await runCli('check', clean, join(folder, 'tree'), duplicate);
    assert.equal(code, 1);
    const files = stdout.trim().split('\n').map((line) => line.slice(0, line.indexOf('.json:') + 5));
    assert.deepEqual(files, [join(nested, 'inner.json'), duplicate]);
  });

  it('exits 2 and names the file when one cannot be read, still checking the others', async () => {
    const { code, stdout, stderr } = await runCli('check', join(folder, 'missing.json'), broken);
    assert.equal(code, 2);
    assert.match(stderr, /missing\.json: no such file or directory/);
    assert.match(stdout, /broken\.json:4:1/);
  });

  it('exits 2 with usage for bad arguments', async () => {
    for (const argv of [['check', '--format', 'xml', clean], ['check', '--bogus', clean], ['check', '--severity', 'nope', clean], ['check', '--severity', 'no.such-check=off', clean], ['frobnicate']]) {
      const { code, stderr } = await runCli(...argv);
      assert.equal(code, 2, argv.join(' '));
      assert.ok(stderr.length > 0);
    }
  });

  it('applies --severity overrides', async () => {
    const off = await runCli('check', '--severity', 'json.duplicate-key=off', duplicate);
    assert.equal(off.code, 0);
    const warning = await runCli('check', '--severity', 'json.duplicate-key=warning', duplicate);
    assert.equal(warning.code, 0);
    assert.match(warning.stdout, /dup\.json:1:2: warning json.duplicate-key:/);
  });

  it('writes JSON with 1-based positions and offsets', async () => {
    const { stdout } = await runCli('check', '--format', 'json', duplicate);
    const [file] = JSON.parse(stdout) as Array<{ file: string; findings: Array<Record<string, unknown>> }>;
    assert.equal(file?.file, duplicate);
    assert.deepEqual(file?.findings[0], {
      id: 'json.duplicate-key',
      severity: 'error',
      message: 'Duplicate key "Version": this value is ignored and the later one is used.',
      line: 1,
      column: 2,
      endLine: 1,
      endColumn: 11,
      offset: 1,
      length: 9,
      docs: 'https://www.rfc-editor.org/rfc/rfc8259#section-4',
    });
  });

  it('writes SARIF 2.1.0 with every rule, levels, the path as given and 1-based regions', async () => {
    const { code, stdout } = await runCli('check', '--format', 'sarif', broken, duplicate);
    assert.equal(code, 1);
    const log = JSON.parse(stdout) as {
      version: string;
      runs: Array<{ tool: { driver: { rules: Array<{ id: string }> } }; results: Array<{ ruleId: string; ruleIndex: number; level: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }> }> }>;
    };
    assert.equal(log.version, '2.1.0');
    const runEntry = log.runs[0];
    assert.ok(runEntry);
    const ruleIds = runEntry.tool.driver.rules.map((r) => r.id);
    assert.ok(ruleIds.includes('json.syntax') && ruleIds.includes('json.duplicate-key'));
    const first = runEntry.results[0];
    const last = runEntry.results.at(-1);
    assert.equal(first?.ruleId, 'json.syntax');
    assert.equal(first?.level, 'error');
    assert.equal(ruleIds[first?.ruleIndex ?? -1], 'json.syntax');
    assert.equal(first?.locations[0]?.physicalLocation.artifactLocation.uri, broken);
    assert.deepEqual(first?.locations[0]?.physicalLocation.region, { startLine: 4, startColumn: 1, endLine: 4, endColumn: 2 });
    assert.equal(last?.ruleId, 'json.duplicate-key');
    assert.equal(last?.locations[0]?.physicalLocation.artifactLocation.uri, duplicate);
  });

  it('writes GitHub Actions workflow commands, escaping what would end a property or the message', async () => {
    const odd = write('a,b:c.json', '{"Version": "2012-10-17",\n "Version": "2012-10-17", "Statement": []}');
    const { code, stdout, stderr } = await runCli('check', '--format', 'github', '--severity', 'json.duplicate-key=warning', broken, odd);
    assert.equal(code, 1);
    const oddPath = odd.replace(/:/g, '%3A').replace(/,/g, '%2C');
    assert.deepEqual(stdout.trimEnd().split('\n'), [
      `::error file=${broken.replace(/:/g, '%3A').replace(/,/g, '%2C')},line=4,col=1,endLine=4,endColumn=2,title=json.syntax::Expected a value. (https://www.rfc-editor.org/rfc/rfc8259)`,
      `::error file=${broken.replace(/:/g, '%3A').replace(/,/g, '%2C')},line=4,col=2,endLine=4,endColumn=2,title=json.syntax::Expected ']' to close the array. (https://www.rfc-editor.org/rfc/rfc8259)`,
      `::warning file=${oddPath},line=1,col=2,endLine=1,endColumn=11,title=json.duplicate-key::Duplicate key "Version": this value is ignored and the later one is used. (https://www.rfc-editor.org/rfc/rfc8259#section-4)`,
    ]);
    assert.match(stderr, /2 errors, 1 other finding in 2 files/);
    // A message's %, CR and LF would be read as escapes or end the command.
    const lines = new LineIndex('x');
    assert.equal(formatGithub([{ path: 'p.json', lines, findings: [{ id: 'x.y', severity: 'info', message: '100%\r\nsure', range: { offset: 0, length: 1 } }] }]), '::notice file=p.json,line=1,col=1,endLine=1,endColumn=2,title=x.y::100%25%0D%0Asure\n');
  });

  it('counts positions after a byte order mark as editors do', async () => {
    const bom = write('bom.json', '\ufeff{"Version": "2012-10-17", "Statement": [}');
    const { stdout } = await runCli('check', bom);
    assert.match(stdout, /bom\.json:1:41: error json\.syntax/);
  });

  it('reports nesting past the limit as a located finding and still reports every other file of the run', async () => {
    const deep = write('deep.json', deepArrays);
    const deepObject = write('deep-object.json', deepObjects);
    const policyString = write('policy-string.json', deepPolicyString);
    const { code, stdout, stderr } = await runCli('check', deep, deepObject, policyString, broken, pathologicalFile('wildcard-bomb.json'));
    assert.equal(code, 1);
    assert.match(stdout, /deep\.json:1:513: error json\.syntax: Arrays and objects nest more than 512 levels deep here/);
    assert.match(stdout, /deep-object\.json:1:2561: error json\.syntax: Arrays and objects nest more than 512 levels deep here/);
    assert.match(stdout, /policy-string\.json:1:\d+: error JSON_SYNTAX_ERROR: .*NestingTooDeep/);
    assert.match(stdout, /broken\.json:4:1: error json\.syntax/);
    assert.doesNotMatch(stderr, /RangeError|failed/);
    assert.match(stderr, /in 5 files/);
  });

  it('says a file is neither JSON nor YAML instead of reporting JSON syntax errors in it', async () => {
    const { code, stdout, stderr } = await runCli('check', pathologicalFile('handler.js'), clean);
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.match(stderr, /handler\.js: neither JSON nor YAML, not checked/);
  });

  it('reports invalid UTF-8 once, where the first bad byte is, and nothing on the characters it spoils', async () => {
    const { code, stdout } = await runCli('check', pathologicalFile('invalid-utf8.json'));
    assert.equal(code, 1);
    assert.equal(stdout, `${pathologicalFile('invalid-utf8.json')}:1:72: error file.encoding: The file is not valid UTF-8 (byte 0xFF at byte offset 71); AWS accepts only UTF-8 documents. Findings on the characters it spoils are left out.\n`);
  });

  it('prints help and version', async () => {
    assert.match((await runCli('--help')).stdout, /check/);
    assert.match((await runCli('check', '--help')).stdout, /--format text\|json\|sarif\|github/);
    assert.match((await runCli('--version')).stdout, /^\d+\.\d+\.\d+\n$/);
  });
});

describe('dist/cli.js (the bundled CLI)', () => {
  it('runs as a program and exits with the status of its findings', async () => {
    const cli = join(__dirname, '..', '..', '..', '..', 'dist', 'cli.js');
    const error = await promisify(execFile)(process.execPath, [cli, 'check', broken]).then(
      () => undefined,
      (e: { code: number; stdout: string }) => e,
    );
    assert.equal(error?.code, 1);
    assert.match(error?.stdout ?? '', /broken\.json:4:1: error json\.syntax: Expected a value\./);
  });

  it('checks the current folder when given no file or folder', async () => {
    const here = mkdtempSync(join(tmpdir(), 'lwb-cli-cwd-'));
    try {
      writeFileSync(join(here, 'broken.json'), '{\n  "Version": "2012-10-17",\n  "Statement": [\n}');
      const cli = join(__dirname, '..', '..', '..', '..', 'dist', 'cli.js');
      const error = await promisify(execFile)(process.execPath, [cli, 'check'], { cwd: here }).then(
        () => undefined,
        (e: { code: number; stdout: string }) => e,
      );
      assert.equal(error?.code, 1);
      assert.match(error?.stdout ?? '', /^broken\.json:4:1: error json\.syntax: Expected a value\./);
    } finally {
      rmSync(here, { recursive: true, force: true });
    }
  });

  // A real engine failure, no seam: the process gets a stack far smaller than node's default, and a document nested 500 deep
  // (under the nesting limit, fine with the default stack) exhausts it while it is read.
  it('exits 70 on an internal error, names the file on stderr, and still reports the other files', async () => {
    const cli = join(__dirname, '..', '..', '..', '..', 'dist', 'cli.js');
    const deep = write('deep-within-limit.json', `${'['.repeat(500)}${']'.repeat(500)}`);
    const error = await promisify(execFile)(process.execPath, ['--stack-size=64', cli, 'check', deep, broken]).then(
      () => undefined,
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    assert.equal(error?.code, 70, error?.stderr);
    assert.match(error?.stderr ?? '', new RegExp(`^lambda-workbench: ${deep.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}: internal error: RangeError: Maximum call stack size exceeded`, 'm'));
    assert.match(error?.stdout ?? '', /broken\.json:4:1: error json\.syntax: Expected a value\./);
    // With node's own stack the same file is checked (and clean).
    assert.equal((await runCli('check', deep)).code, 0);
  });
});
