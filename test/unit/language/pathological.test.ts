import assert from 'node:assert/strict';
import { engineFailureId } from '../../../server/src/language/service';
import { createWorkbenchService } from '../../../server/src/workbench';
import { matchingWork } from '../../../server/src/wildcard/match';
import { pathologicalInputs } from '../../pathological';

describe('pathological inputs (issue 15)', () => {
  const failures: string[] = [];
  const service = createWorkbenchService({ onFailure: (where, error) => failures.push(`${where}: ${String(error)}`) });

  for (const input of pathologicalInputs) {
    it(`${input.name}: analysed without a failure, its wildcard matching linear in its size`, () => {
      const before = matchingWork.steps;
      const analysis = service.analyze(input.text);
      const steps = matchingWork.steps - before;
      assert.deepEqual(failures, []);
      const ids = new Set(analysis.findings.map((f) => f.id));
      assert.ok(!ids.has(engineFailureId), analysis.findings.find((f) => f.id === engineFailureId)?.message);
      for (const id of input.expect) assert.ok(ids.has(id), `${id} missing among ${[...ids].join(', ')}`);
      for (const f of analysis.findings) assert.ok(f.range.offset >= 0 && f.range.offset + f.range.length <= input.text.length, `${f.id} outside the text`);
      // Every string is matched against a bounded number of patterns (the reference data's actions of one service at most).
      assert.ok(steps <= 2000 * input.text.length, `${steps} matching steps for ${input.text.length} characters`);
    });
  }

  it('reports nesting past the limit once, at the first bracket past it', () => {
    const deep = pathologicalInputs.find((i) => i.name === '100,000 nested arrays')?.text ?? '';
    const syntax = service.analyze(deep).findings.filter((f) => f.id === 'json.syntax');
    assert.equal(syntax.length, 1);
    assert.deepEqual(syntax[0]?.range, { offset: 512, length: 1 });
    assert.match(syntax[0]?.message ?? '', /more than 512 levels/);
  });
});
