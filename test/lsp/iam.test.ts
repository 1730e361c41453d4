import assert from 'node:assert/strict';
import type { CodeAction, CompletionItem, CompletionList, Diagnostic, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { LspClient } from './lsp-client';

const policy = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["s3:GetObjectt", "s3:ListBucket", "s3:"],
      "Resource": "arn:aws:s3:::example-bucket/*"
    }
  ]
}`;

describe('IAM over LSP (stdio)', () => {
  let client: LspClient;
  const uri = 'file:///work/policy.json';

  before(async () => {
    ({ client } = await LspClient.start());
    await client.open(uri, policy);
  });

  after(async () => {
    assert.deepEqual(client.errors, [], 'the server logged no errors');
    await client.stop();
  });

  it('publishes INVALID_ACTION at the action string, with its docs link', async () => {
    const diagnostics = await client.waitForDiagnostics(uri, 1);
    const invalid = diagnostics.find((d: Diagnostic) => d.code === 'INVALID_ACTION' && d.range.start.character === 17);
    assert.ok(invalid, JSON.stringify(diagnostics));
    assert.deepEqual(invalid.range, { start: { line: 5, character: 17 }, end: { line: 5, character: 32 } });
    assert.equal(invalid.message, 'Amazon S3 has no action "GetObjectt". Did you mean "s3:GetObject"?');
    assert.match(invalid.codeDescription?.href ?? '', /access-analyzer-reference-policy-checks\.html#access-analyzer-reference-policy-checks-error-invalid-action$/);
  });

  it('hovers an action with its description and reference link', async () => {
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 5, character: 40 } });
    assert.ok(hover);
    const value = (hover.contents as MarkupContent).value;
    assert.deepEqual(hover.range, { start: { line: 5, character: 34 }, end: { line: 5, character: 49 } });
    assert.match(value, /^\*\*s3:ListBucket\*\* \(List\)/);
    assert.match(value, /list_amazons3\.html/);
  });

  it('completes actions of the typed service, replacing the whole string', async () => {
    const result = await client.request<CompletionItem[] | CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: 5, character: 55 } });
    const items = Array.isArray(result) ? result : result.items;
    const putObject = items.find((i) => i.label === 's3:PutObject');
    assert.ok(putObject, `${items.length} items`);
    assert.deepEqual(putObject.textEdit, { range: { start: { line: 5, character: 51 }, end: { line: 5, character: 56 } }, newText: '"s3:PutObject"' });
  });

  it('offers the suggested action as the preferred quick fix', async () => {
    const diagnostics = await client.waitForDiagnostics(uri, 1);
    const invalid = diagnostics.filter((d) => d.code === 'INVALID_ACTION');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 5, character: 21 }, end: { line: 5, character: 21 } },
      context: { diagnostics: invalid },
    });
    const fix = actions.find((a) => a.title === 'Change to "s3:GetObject"');
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(fix.isPreferred, true);
    assert.deepEqual(fix.edit?.changes?.[uri], [{ range: { start: { line: 5, character: 17 }, end: { line: 5, character: 32 } }, newText: '"s3:GetObject"' }]);
  });
});
