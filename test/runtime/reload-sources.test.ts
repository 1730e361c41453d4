import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cliScript, waitFor } from './harness';

/** A SAM project: a function with a local layer, its Environment and Timeout in the template, a variable from --env-vars. */
const template = (greeting: string, timeout: number) => `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  Words:
    Type: AWS::Serverless::LayerVersion
    Properties:
      ContentUri: layer/
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: src/
      Handler: index.handler
      Runtime: nodejs20.x
      Timeout: ${timeout}
      Layers: [!Ref Words]
      Environment:
        Variables:
          GREETING: ${greeting}
          EXTRA: from-template
`;
const handler = `let invocations = 0;
exports.handler = async (event, context) => ({
  greeting: process.env.GREETING,
  extra: process.env.EXTRA,
  word: require('words'),
  timeout: Math.ceil(context.getRemainingTimeInMillis() / 1000),
  invocations: ++invocations,
});
`;

interface Answer {
  readonly greeting: string;
  readonly extra: string;
  readonly word: string;
  readonly timeout: number;
  readonly invocations: number;
}

describe('CLI: serve FUNCTION --template is never stale for its layers, template and --env-vars (real processes, real HTTP)', function () {
  this.timeout(40_000);

  it('answers with the new layer, the template\'s new Environment and Timeout, the new --env-vars; unrelated files keep it warm', async () => {
    const project = mkdtempSync(join(tmpdir(), 'lambda-workbench-serve-sources-'));
    const write = (path: string, text: string) => {
      mkdirSync(dirname(join(project, path)), { recursive: true });
      writeFileSync(join(project, path), text);
    };
    // Written whole, as editors save.
    const save = (path: string, text: string) => (write('.saving', text), renameSync(join(project, '.saving'), join(project, path)));
    write('template.yaml', template('one', 3));
    write('src/index.js', handler);
    write('layer/nodejs/node_modules/words/index.js', "module.exports = 'alpha';\n");
    write('env.json', JSON.stringify({ Fn: { EXTRA: 'first' } }));
    const serve = spawn(process.execPath, [cliScript, 'serve', 'Fn', '--template', 'template.yaml', '--env-vars', 'env.json', '--port', '0'], { cwd: project, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    serve.stderr.setEncoding('utf8').on('data', (t: string) => (stderr += t));
    const changes = () => stderr.split('\n').filter((line) => line.includes(' changed; ')).length;
    /** Saves, and waits until serve has said it saw the change. */
    const edit = async (path: string, text: string) => {
      const before = changes();
      save(path, text);
      await waitFor(() => changes() > before, 5000, `serve to see ${path} change`);
    };
    try {
      await waitFor(() => /on (http:\S+)/.test(stderr), 10_000, 'serve to listen');
      const url = /on (http:\S+)/.exec(stderr)?.[1] ?? '';
      const post = async () => (await (await fetch(url, { method: 'POST', body: '{}' })).json()) as Answer;
      assert.deepEqual(await post(), { greeting: 'one', extra: 'first', word: 'alpha', timeout: 3, invocations: 1 });
      assert.equal((await post()).invocations, 2, 'warm');

      save('notes.txt', 'not code');
      save('src/README.md', 'not code');
      save('layer/README.md', 'not code');
      // Nothing is reported for them: give the watcher time to (wrongly) act before looking.
      await new Promise((r) => setTimeout(r, 400));
      assert.equal((await post()).invocations, 3, 'files the function never loads keep it warm');
      assert.equal(changes(), 0, stderr);

      await edit('layer/nodejs/node_modules/words/index.js', "module.exports = 'beta';\n");
      assert.deepEqual(await post().then((a) => [a.word, a.invocations]), ['beta', 1], 'the layer edited: a fresh environment');
      assert.equal((await post()).invocations, 2, 'warm again');

      await edit('template.yaml', template('two', 9));
      assert.deepEqual(await post().then((a) => [a.greeting, a.timeout, a.invocations]), ['two', 9, 1], "the template's new Environment and Timeout");

      await edit('env.json', JSON.stringify({ Fn: { EXTRA: 'second' } }));
      assert.deepEqual(await post().then((a) => [a.extra, a.greeting, a.invocations]), ['second', 'two', 1], 'the --env-vars file read again');

      await edit('template.yaml', 'Resources: [');
      assert.match(stderr, /keeping the previous settings/);
      assert.deepEqual(await post().then((a) => [a.greeting, a.extra]), ['two', 'second'], 'a broken template keeps the settings in force');
    } finally {
      serve.kill('SIGTERM');
      await new Promise((r) => serve.once('close', r));
      rmSync(project, { recursive: true, force: true });
    }
  });
});
