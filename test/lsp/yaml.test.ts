import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CodeAction, CompletionItem, CompletionList, Diagnostic, Hover, MarkupContent, Position } from 'vscode-languageserver-protocol';
import { LspClient } from './lsp-client';

/** The SAM example, as a YAML document: every check reaches it, on the exact YAML characters. */
const examplePath = path.resolve(__dirname, '../../../examples/sam/template.yaml');
const template = readFileSync(examplePath, 'utf8');

/** The position of the n-th occurrence of `needle` (plus `delta` characters). */
function positionOf(needle: string, delta = 0, occurrence = 0): Position {
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) offset = template.indexOf(needle, offset + 1);
  assert.ok(offset >= 0, `"${needle}" is in the example`);
  const before = template.slice(0, offset + delta).split('\n');
  return { line: before.length - 1, character: (before.at(-1) ?? '').length };
}

describe('YAML templates over LSP (stdio)', () => {
  let client: LspClient;
  const uri = 'file:///work/sam/template.yaml';

  before(async () => {
    ({ client } = await LspClient.start());
    await client.open(uri, template, 'yaml');
  });

  after(async () => {
    assert.deepEqual(client.errors, [], 'the server logged no errors');
    await client.stop();
  });

  it('publishes IAM and Lambda@Edge findings on the YAML characters', async () => {
    const diagnostics = await client.waitForDiagnostics(uri, 1);
    const byCode = (code: string) => diagnostics.filter((d: Diagnostic) => d.code === code);
    assert.deepEqual(byCode('INVALID_ACTION').map((d) => d.range.start), [positionOf('s3:PutObjectt')]);
    assert.deepEqual(byCode('edge.function-version').map((d) => d.range), [{ start: positionOf('!GetAtt DynamicOriginFunction.Arn'), end: positionOf('!GetAtt DynamicOriginFunction.Arn', 33) }]);
    assert.deepEqual(byCode('edge.include-body').map((d) => d.range.start), [positionOf('IncludeBody: true', 13)]);
    assert.equal(byCode('edge.function-feature').length, 2);
    assert.equal(byCode('edge.function-limits').length, 1);
    assert.equal(byCode('edge.execution-role-trust').length, 1);
    assert.equal(byCode('yaml.syntax').length, 0);
  });

  it('hovers an action written as a plain scalar', async () => {
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf('s3:GetObject', 5) });
    assert.ok(hover);
    assert.match((hover.contents as MarkupContent).value, /^\*\*s3:GetObject\*\*/);
    assert.deepEqual(hover.range, { start: positionOf('s3:GetObject'), end: positionOf('s3:GetObject', 12) });
  });

  it('completes actions in YAML, in the plain style', async () => {
    const position = positionOf('s3:PutObjectt', 6);
    const result = await client.request<CompletionItem[] | CompletionList>('textDocument/completion', { textDocument: { uri }, position });
    const items = Array.isArray(result) ? result : result.items;
    const putObject = items.find((i) => i.label === 's3:PutObject');
    assert.ok(putObject, `${items.length} items`);
    assert.deepEqual(putObject.textEdit, { range: { start: positionOf('s3:PutObjectt'), end: positionOf('s3:PutObjectt', 13) }, newText: 's3:PutObject' });
  });

  it('quick-fixes the trust policy as YAML: a new item in the block sequence', async () => {
    const diagnostics = (await client.waitForDiagnostics(uri, 1)).filter((d) => d.code === 'edge.execution-role-trust');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0]?.range, context: { diagnostics } });
    const fix = actions.find((a) => a.title === 'Trust edgelambda.amazonaws.com');
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    assert.deepEqual(fix.edit?.changes?.[uri], [{ range: { start: positionOf('- lambda.amazonaws.com', 22), end: positionOf('- lambda.amazonaws.com', 22) }, newText: '\n                - edgelambda.amazonaws.com' }]);
  });

  it('reports YAML syntax errors once, located, and recovers on the next edit', async () => {
    const broken = template.replace('    Type: AWS::IAM::Role', '\tType: AWS::IAM::Role');
    await client.change(uri, broken, 2);
    const diagnostics = await client.waitForDiagnostics(uri, 2);
    const syntax = diagnostics.filter((d) => d.code === 'yaml.syntax');
    assert.ok(syntax.length >= 1, JSON.stringify(diagnostics));
    assert.equal(syntax[0]?.message, 'Tabs are not allowed as indentation.');
    await client.change(uri, template, 3);
    const fixed = await client.waitForDiagnostics(uri, 3);
    assert.equal(fixed.filter((d) => d.code === 'yaml.syntax').length, 0);
  });
});
