import assert from 'node:assert/strict';
import { applyEdits } from 'jsonc-parser';
import type { CodeAction, Diagnostic, Hover, TextEdit } from 'vscode-languageserver-protocol';
import { LineIndex } from '../../server/src/document/line-index';
import { serverPerTest } from './lsp-client';

/** A viewer-request fixture with a header whose key names another header, and a boolean header value. */
const fixture = `{
  "Records": [
    {
      "cf": {
        "config": {
          "distributionDomainName": "d111111abcdef8.cloudfront.net",
          "distributionId": "EDFDVBD6EXAMPLE",
          "eventType": "viewer-request",
          "requestId": "4TyzHTaYWb1GX1qTfsHhEqV6HUDd_BzoBZnwfnvQc_1oF26ClkoUSEQ=="
        },
        "request": {
          "clientIp": "203.0.113.178",
          "headers": {
            "host": [{ "key": "Host", "value": "d111111abcdef8.cloudfront.net" }],
            "user-agent": [{ "key": "User-Agnet", "value": "curl/8.5.0" }],
            "x-debug": [{ "key": "X-Debug", "value": true }]
          },
          "method": "GET",
          "querystring": "",
          "uri": "/"
        }
      }
    }
  ]
}`;

/** Applies LSP text edits to a text. */
function apply(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  return applyEdits(text, edits.map((e) => {
    const offset = lines.offsetAt(e.range.start);
    return { offset, length: lines.offsetAt(e.range.end) - offset, content: e.newText };
  }));
}

describe('Lambda@Edge fixtures over LSP', () => {
  const server = serverPerTest();
  const uri = 'file:///viewer-request.json';


  it('publishes located edge diagnostics whose quick fixes clear them', async () => {
    await server().open(uri, fixture);
    const diagnostics = await server().waitForDiagnostics(uri, 1);
    assert.deepEqual(diagnostics.map((d) => d.code), ['edge.header-key-mismatch', 'edge.header-value']);
    const [mismatch, value] = diagnostics as [Diagnostic, Diagnostic];
    assert.deepEqual(mismatch.range, { start: { line: 14, character: 36 }, end: { line: 14, character: 48 } });
    assert.match(mismatch.codeDescription?.href ?? '', /^https:\/\/docs\.aws\.amazon\.com\/AmazonCloudFront\//);

    let text = fixture;
    for (const diagnostic of [value, mismatch]) {
      const actions = await server().request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
      const fix = actions.find((a) => a.kind === 'quickfix' && a.isPreferred);
      assert.ok(fix?.edit?.changes?.[uri], JSON.stringify(actions));
      text = apply(text, fix.edit.changes[uri]);
    }
    assert.match(text, /"key": "User-Agent"/);
    assert.match(text, /"value": "true"/);
    await server().change(uri, text, 2);
    assert.deepEqual(await server().waitForDiagnostics(uri, 2), []);
  });

  it('says on hover what a viewer-request function may do with Host', async () => {
    await server().open(uri, fixture);
    await server().waitForDiagnostics(uri, 1);
    const hover = await server().request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 13, character: 15 } });
    const contents = hover?.contents as { kind: string; value: string } | undefined;
    assert.equal(contents?.kind, 'markdown');
    assert.match(contents?.value ?? '', /^\*\*Host\*\* is read-only in viewer-request events/);
    assert.deepEqual(hover?.range, { start: { line: 13, character: 12 }, end: { line: 13, character: 18 } });
  });
});
