import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeAction, Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { LspClient, serverPath, serverPerTest } from './lsp-client';

const duplicateKeyPolicy = `{
  "Version": "2012-10-17",
  "Statement": [{"Effect": "Allow", "Effect": "Deny", "Action": "s3:GetObject", "Resource": "*"}]
}`;

describe('language server initialize', () => {
  it('answers initialize with its capabilities', async () => {
    const { client, initialize } = await LspClient.start();
    try {
      assert.equal(initialize.serverInfo?.name, 'lambda-workbench');
      assert.ok(initialize.capabilities.hoverProvider);
      assert.ok(initialize.capabilities.completionProvider);
      assert.ok(initialize.capabilities.codeActionProvider);
    } finally {
      await client.stop();
    }
  });
});

describe('language server over stdio', () => {
  const server = serverPerTest();

  it('publishes located diagnostics with code, source and docs link', async () => {
    await server().open('file:///policy.json', duplicateKeyPolicy);
    const diagnostics = await server().waitForDiagnostics('file:///policy.json', 1);
    const duplicate = diagnostics.find((d) => d.code === 'json.duplicate-key');
    assert.ok(duplicate, JSON.stringify(diagnostics));
    assert.equal(duplicate.source, 'lambda-workbench');
    assert.equal(duplicate.severity, 1);
    assert.deepEqual(duplicate.range, { start: { line: 2, character: 17 }, end: { line: 2, character: 25 } });
    assert.match(duplicate.codeDescription?.href ?? '', /^https:/);
  });

  it('reports JSON syntax errors to editors without a JSON service of their own', async () => {
    await server().open('file:///broken.json', '{"Version": "2012-10-17", "Statement": [}');
    const diagnostics = await server().waitForDiagnostics('file:///broken.json', 1);
    assert.ok(diagnostics.some((d) => d.code === 'json.syntax'), JSON.stringify(diagnostics));
  });

  it('follows edits and clears diagnostics on close', async () => {
    const uri = 'file:///edit.json';
    await server().open(uri, duplicateKeyPolicy);
    assert.ok((await server().waitForDiagnostics(uri, 1)).length > 0);
    await server().change(uri, duplicateKeyPolicy.replace('"Effect": "Deny", ', ''), 2);
    assert.deepEqual(await server().waitForDiagnostics(uri, 2), []);
    await server().change(uri, duplicateKeyPolicy, 3);
    assert.ok((await server().waitForDiagnostics(uri, 3)).length > 0);
    server().clearDiagnostics(uri);
    await server().close(uri);
    assert.deepEqual(await server().waitForDiagnostics(uri), []);
  });

  it('offers the trailing-comma quick fix for its diagnostic', async () => {
    const uri = 'file:///comma.json';
    const text = '{"Version": "2012-10-17", "Statement": [],}';
    await server().open(uri, text);
    const diagnostics = await server().waitForDiagnostics(uri, 1);
    const syntax = diagnostics.find((d) => d.code === 'json.syntax') as Diagnostic;
    assert.ok(syntax);
    const actions = await server().request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: syntax.range,
      context: { diagnostics: [syntax] },
    });
    const fix = actions.find((a) => a.title === 'Remove the trailing comma');
    assert.ok(fix, JSON.stringify(actions));
    assert.equal(fix.kind, 'quickfix');
    assert.deepEqual(fix.edit?.changes?.[uri], [{ range: { start: { line: 0, character: 41 }, end: { line: 0, character: 42 } }, newText: '' }]);
  });

  it('tells what it recognised in a document (lambdaWorkbench/documentKinds)', async () => {
    await server().open('file:///role.json', '{"Role": {"AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": []}}}');
    await server().open('file:///tsconfig.json', '{"compilerOptions": {}}');
    const role = await server().request<{ regions: unknown[] }>('lambdaWorkbench/documentKinds', { uri: 'file:///role.json' });
    assert.deepEqual(role.regions, [{ kind: 'iam-policy', shape: 'policy' }]);
    const other = await server().request<{ regions: unknown[] }>('lambdaWorkbench/documentKinds', { uri: 'file:///tsconfig.json' });
    assert.deepEqual(other.regions, []);
    const closed = await server().request<{ regions: unknown[] }>('lambdaWorkbench/documentKinds', { uri: 'file:///never-opened.json' });
    assert.deepEqual(closed.regions, []);
  });

  it('tells which JSON texts could be a handler\'s event (lambdaWorkbench/eventShapes)', async () => {
    const texts = ['{"name": "Ada"}', '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}', '{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {}}', '[1]', '{'];
    const result = await server().request<{ eventShaped: boolean[] }>('lambdaWorkbench/eventShapes', { texts });
    assert.deepEqual(result.eventShaped, [true, false, false, false, false]);
  });

  it('answers hover on a document that is none of ours with nothing', async () => {
    const uri = 'file:///package.json';
    await server().open(uri, '{"name": "x"}');
    await server().waitForDiagnostics(uri, 1);
    const hover = await server().request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 3 } });
    assert.equal(hover, null);
  });
});

describe('language server settings', () => {
  it('applies per-check severities from workspace/configuration, and re-reads them on change', async () => {
    const { client } = await LspClient.start({ configuration: { severity: { 'json.duplicate-key': 'warning' } } });
    try {
      await client.open('file:///policy.json', duplicateKeyPolicy);
      const first = await client.waitForDiagnostics('file:///policy.json', 1);
      assert.equal(first.find((d) => d.code === 'json.duplicate-key')?.severity, 2);
      client.configuration = { severity: { 'json.duplicate-key': 'off' } };
      client.clearDiagnostics('file:///policy.json');
      await client.notifyServer('workspace/didChangeConfiguration', { settings: null });
      assert.deepEqual(await client.waitForDiagnostics('file:///policy.json', 1), []);
    } finally {
      await client.stop();
    }
  });

  it('leaves syntax errors to an editor that reports them itself (VS Code), but not comments in JSONC', async () => {
    const { client } = await LspClient.start({ initializationOptions: { editorReportsJsonSyntax: true } });
    try {
      await client.open('file:///a.json', '{"Version": "2012-10-17", "Statement": [}');
      assert.deepEqual(await client.waitForDiagnostics('file:///a.json', 1), []);
      await client.open('file:///b.jsonc', '{"Version": "2012-10-17", // note\n "Statement": []}', 'jsonc');
      const diagnostics = await client.waitForDiagnostics('file:///b.jsonc', 1);
      assert.deepEqual(diagnostics.map((d) => d.code), ['json.syntax']);
      const message = diagnostics[0]?.message;
      assert.match(typeof message === 'string' ? message : (message?.value ?? ''), /Comments are not allowed/);
    } finally {
      await client.stop();
    }
  });
});

describe('standalone server process', () => {
  it('starts as the package\'s language-server command, as another editor runs it', async () => {
    const { bin } = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as { bin: Record<string, string> };
    const command = join(__dirname, '..', '..', '..', bin['lambda-workbench-language-server'] ?? 'missing');
    // Run as the file itself (its #! line), as npm links it, not through node.
    const { client, initialize } = await LspClient.start({ command: [command] });
    try {
      assert.equal(initialize.serverInfo?.name, 'lambda-workbench');
      await client.open('file:///broken.json', '{"Version": ');
      assert.deepEqual((await client.waitForDiagnostics('file:///broken.json')).map((d) => d.code), ['json.syntax']);
    } finally {
      await client.stop();
    }
  });

  it('exits when stdin closes without a shutdown (an editor crashed)', async () => {
    const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: 'pipe' });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.stdin.end();
    const code = await Promise.race([exited, new Promise<string>((resolve) => setTimeout(() => resolve('still running'), 10_000))]);
    if (code === 'still running') child.kill();
    assert.notEqual(code, 'still running');
  });
});
