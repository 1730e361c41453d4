import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { TextRange } from '../../../server/src/language/finding';
import { engineFailureId } from '../../../server/src/language/service';
import { createWorkbenchService } from '../../../server/src/workbench';
import { anyDocument } from '../../arbitraries';

function assertInside(range: TextRange, text: string, what: string): void {
  assert.ok(
    Number.isInteger(range.offset) && Number.isInteger(range.length) && range.offset >= 0 && range.length >= 0 && range.offset + range.length <= text.length,
    `${what} range ${JSON.stringify(range)} lies outside a document of ${text.length} characters`,
  );
}

describe('language service robustness (property-based)', () => {
  it('never throws, never fails a check, and keeps every range inside the document', function () {
    // Hundreds of documents through every domain: give slow machines room.
    this.timeout(120_000);
    const failures: string[] = [];
    const service = createWorkbenchService({ onFailure: (where, error) => failures.push(`${where}: ${String(error)}`) });
    fc.assert(
      fc.property(anyDocument(), fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), (text, cursors) => {
        const analysis = service.analyze(text);
        for (const f of analysis.findings) {
          assert.notEqual(f.id, engineFailureId, f.message);
          assertInside(f.range, text, f.id);
          for (const fix of f.fixes ?? []) for (const e of fix.edits) assertInside(e, text, `fix "${fix.title}"`);
        }
        for (const c of cursors) {
          const offset = c % (text.length + 1);
          const hover = service.hover(analysis, offset);
          if (hover) assertInside(hover.range, text, 'hover');
          for (const p of service.complete(analysis, offset)) assertInside(p.edit, text, `completion "${p.label}"`);
          for (const a of service.codeActions(analysis, { offset, length: 0 })) for (const e of a.edits) assertInside(e, text, `action "${a.title}"`);
        }
        assert.deepEqual(failures, []);
      }),
      { numRuns: Number(process.env['PROPERTY_RUNS'] ?? 400) },
    );
  });
});
