import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { deepArrays, pathologicalFile } from '../pathological';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { LspClient, serverPerTest } from './lsp-client';

const normalPolicy = `{
  "Version": "2012-10-17",
  "Statement": [{"Effect": "Allow", "Action": ["s3:GetObject", "s3:GetObject"], "Resource": "*"}]
}`;

describe('language server responsiveness (issue 15)', () => {
  const server = serverPerTest();

  it('a wildcard bomb opened beside a normal policy: both get their diagnostics, the normal one its findings', async () => {
    const bomb = readFileSync(pathologicalFile('stars-and-ones.json'), 'utf8').replace(/x"/g, `${'a'.repeat(3000)}x"`);
    await server().open('file:///bomb.json', bomb);
    await server().open('file:///normal.json', normalPolicy);
    const normal = await server().waitForDiagnostics('file:///normal.json', 1);
    assert.ok(normal.some((d) => d.code === 'REDUNDANT_ACTION'), JSON.stringify(normal));
    await server().waitForDiagnostics('file:///bomb.json', 1);
  });

  it('a slow document opened first does not hold back a small one: the small one gets its diagnostics and hovers first', async () => {
    const statement = (i: number) => ({ Sid: `S${i}`, Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject', 'logs:PutLogEvents'], Resource: [`arn:aws:s3:::bucket-${i}/*`, `arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/fn-${i}:*`], Condition: { StringEquals: { 'aws:PrincipalTag/team': `t${i % 5}` } } });
    const large = JSON.stringify({ Version: '2012-10-17', Statement: Array.from({ length: 8000 }, (_, i) => statement(i)) }, null, 2);
    await server().open('file:///large.json', large);
    await server().open('file:///normal.json', normalPolicy);
    const normal = await server().waitForDiagnostics('file:///normal.json', 1);
    assert.ok(normal.some((d) => d.code === 'REDUNDANT_ACTION'));
    const hover = await server().request<{ contents: unknown } | null>('textDocument/hover', { textDocument: { uri: 'file:///normal.json' }, position: { line: 2, character: normalPolicy.split('\n')[2]?.indexOf('s3:GetObject') ?? 0 } });
    assert.ok(hover, 'hover on the small document answers');
    assert.deepEqual(server().publishedVersions('file:///large.json'), [], 'the large document was still being analysed');
    await server().waitForDiagnostics('file:///large.json', 1, 60_000);
  });

  it('a slow document edited while it is analysed: the final version is published last, with its own findings', async () => {
    const uri = 'file:///large-edited.json';
    const statement = (i: number, action: string) => ({ Sid: `S${i}`, Effect: 'Allow', Action: ['s3:GetObject', action], Resource: [`arn:aws:s3:::bucket-${i}/*`] });
    const version = (n: number) => JSON.stringify({ Version: '2012-10-17', Statement: Array.from({ length: 8000 }, (_, i) => statement(i, i === 4000 ? `s3:ListBucket${'t'.repeat(n - 1)}` : 's3:PutObject')) }, null, 2);
    await server().open(uri, version(1));
    for (let n = 2; n <= 6; n++) await server().change(uri, version(n), n);
    const final = await server().waitForDiagnostics(uri, 6, 60_000);
    assert.ok(final.some((d) => d.code === 'INVALID_ACTION' && String(d.message).includes('"ListBucketttttt"')), JSON.stringify(final.map((d) => d.message)));
    // Another document's round trip: anything still on its way for the large one would be here by now.
    await server().open('file:///normal.json', normalPolicy);
    await server().waitForDiagnostics('file:///normal.json', 1);
    const versions = server().publishedVersions(uri);
    assert.equal(versions.at(-1), 6, `published ${versions.join(', ')}`);
    assert.deepEqual([...versions].sort((a, b) => (a ?? 0) - (b ?? 0)), versions, `published in order ${versions.join(', ')}`);
  });

  it('hover, completion and code actions on a slow document do not hold back a hover on a small one', async () => {
    const uri = 'file:///large-asked.json';
    const statement = (i: number) => ({ Sid: `S${i}`, Effect: 'Allow', Action: ['s3:GetObject', i === 0 ? 's3:GetObjectt' : 's3:PutObject'], Resource: [`arn:aws:s3:::bucket-${i}/*`, `arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/fn-${i}:*`] });
    const large = JSON.stringify({ Version: '2012-10-17', Statement: Array.from({ length: 8000 }, (_, i) => statement(i)) }, null, 2);
    const positionOf = (text: string, offset: number) => {
      const before = text.slice(0, offset).split('\n');
      return { line: before.length - 1, character: before.at(-1)?.length ?? 0 };
    };
    const typo = positionOf(large, large.indexOf('s3:GetObjectt') + 3);
    const known = positionOf(large, large.indexOf('s3:GetObject') + 3);
    await server().open('file:///normal.json', normalPolicy);
    await server().waitForDiagnostics('file:///normal.json', 1);
    await server().open(uri, large);
    const order: string[] = [];
    const asked = (what: string) => <T>(answer: T) => {
      order.push(what);
      return answer;
    };
    const onLarge = Promise.all([
      server().request('textDocument/hover', { textDocument: { uri }, position: known }).then(asked('hover')),
      server().request('textDocument/completion', { textDocument: { uri }, position: typo }).then(asked('completion')),
      server()
        .request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: typo, end: typo }, context: { diagnostics: [] } })
        .then((actions) => {
          order.push(`code action answered after ${server().publishedVersions(uri).length} publication(s)`);
          return actions;
        }),
    ]);
    const small = await server().request<{ contents: unknown } | null>('textDocument/hover', { textDocument: { uri: 'file:///normal.json' }, position: { line: 2, character: normalPolicy.split('\n')[2]?.indexOf('s3:GetObject') ?? 0 } });
    assert.ok(small, 'hover on the small document answers');
    assert.deepEqual(server().publishedVersions(uri), [], 'the large document is still being analysed');
    order.push('small hover');
    const [hover, , actions] = await onLarge;
    assert.ok(hover, 'hover on the large document answers');
    // Hover and completion on the large document need no checks: answered before the small hover. The code action waits for the findings, not the server.
    assert.deepEqual(order.slice(0, 2), ['hover', 'completion']);
    assert.ok(order.indexOf('small hover') < order.findIndex((o) => o.startsWith('code action answered')), order.join(' / '));
    assert.ok(order.includes('code action answered after 1 publication(s)'), order.join(' / '));
    assert.ok(actions.some((a) => a.title === 'Change to "s3:GetObject"'), JSON.stringify(actions.map((a) => a.title)));
  });

  it('nesting past the limit is a located diagnostic, not silence, and the server goes on', async () => {
    await server().open('file:///deep.json', deepArrays);
    const diagnostics = await server().waitForDiagnostics('file:///deep.json', 1);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range.start]),
      [['json.syntax', { line: 0, character: 512 }]],
    );
    await server().open('file:///normal.json', normalPolicy);
    assert.ok((await server().waitForDiagnostics('file:///normal.json', 1)).length > 0);
  });

  it('while typing fast, published versions only grow and the last one is published', async () => {
    const uri = 'file:///typing.json';
    await server().open(uri, normalPolicy);
    await server().waitForDiagnostics(uri, 1);
    for (let version = 2; version <= 30; version++) await server().change(uri, normalPolicy.replace('"*"', `"arn:aws:s3:::b${version}/*"`), version);
    await server().waitForDiagnostics(uri, 30);
    const versions = server().publishedVersions(uri);
    assert.deepEqual([...versions].sort((a, b) => (a ?? 0) - (b ?? 0)), versions, `published in order ${versions.join(', ')}`);
  });
});

describe('language server settings problems', () => {
  it('logs an unknown check id in lambdaWorkbench.checks.severity once', async () => {
    const { client } = await LspClient.start({ configuration: { severity: { NO_SUCH_CHECK: 'off' } } });
    try {
      for (const name of ['a', 'b', 'c']) {
        await client.open(`file:///${name}.json`, normalPolicy);
        await client.waitForDiagnostics(`file:///${name}.json`, 1);
      }
      client.clearDiagnostics('file:///a.json');
      await client.notifyServer('workspace/didChangeConfiguration', { settings: null });
      await client.waitForDiagnostics('file:///a.json', 1);
      assert.deepEqual(
        client.warnings.filter((w) => w.includes('NO_SUCH_CHECK')),
        ['Setting lambdaWorkbench.checks: severity of "NO_SUCH_CHECK": no check has this id'],
      );
    } finally {
      await client.stop();
    }
  });
});
