import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { CodeAction, CompletionItem, CompletionList, Hover, Position, Range } from 'vscode-languageserver-protocol';
import { LineIndex } from '../../server/src/document/line-index';
import { anyDocument } from '../arbitraries';
import { LspClient } from './lsp-client';

describe('language server robustness over stdio (property-based)', () => {
  let client: LspClient;
  before(async () => {
    ({ client } = await LspClient.start());
  });
  after(async () => {
    await client.stop();
  });

  it('survives arbitrary documents: no engine failure, no logged error, every range inside the document', async function () {
    // Many documents over a real process: give slow CI machines room.
    this.timeout(180_000);
    let n = 0;
    await fc.assert(
      fc.asyncProperty(anyDocument(), fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), async (text, cursors) => {
        const uri = `file:///doc-${n++}.json`;
        const lines = new LineIndex(text);
        const end = lines.positionAt(text.length);
        const inside = (p: Position) => p.line < end.line || (p.line === end.line && p.character <= end.character);
        const assertRange = (r: Range, what: string) => {
          assert.ok(inside(r.start) && inside(r.end), `${what} ${JSON.stringify(r)} outside a document ending at ${JSON.stringify(end)}`);
          // A range that survives the round trip lies on real characters, not inside a \r\n pair or past a line end.
          assert.deepEqual(lines.positionAt(lines.offsetAt(r.start)), r.start, `${what} start is not a position of the text`);
        };
        await client.open(uri, text);
        const diagnostics = await client.waitForDiagnostics(uri, 1);
        for (const d of diagnostics) {
          assert.notEqual(d.code, 'internal.engine-failure', typeof d.message === 'string' ? d.message : d.message.value);
          assertRange(d.range, `diagnostic ${String(d.code)}`);
        }
        for (const c of cursors) {
          const position = lines.positionAt(c % (text.length + 1));
          const textDocument = { uri };
          const hover = await client.request<Hover | null>('textDocument/hover', { textDocument, position });
          if (hover?.range) assertRange(hover.range, 'hover');
          const completion = await client.request<CompletionItem[] | CompletionList | null>('textDocument/completion', { textDocument, position });
          const items = Array.isArray(completion) ? completion : (completion?.items ?? []);
          for (const item of items) if (item.textEdit && 'range' in item.textEdit) assertRange(item.textEdit.range, `completion ${item.label}`);
          const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument, range: { start: position, end: position }, context: { diagnostics } });
          for (const a of actions) for (const e of a.edit?.changes?.[uri] ?? []) assertRange(e.range, `action ${a.title}`);
        }
        await client.close(uri);
        assert.ok(client.isRunning, 'the server is still running');
        assert.deepEqual(client.errors, [], 'the server logged no errors');
      }),
      { numRuns: Number(process.env['LSP_PROPERTY_RUNS'] ?? 60) },
    );
  });
});
