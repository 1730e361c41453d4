import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Node } from 'jsonc-parser';
import { parseJsonDocument } from '../../../server/src/document/json';
import { reparseJson } from '../../../server/src/document/json-reparse';
import { nestingLimit } from '../../../server/src/document/depth';

/** The tree as plain data (type, offsets, value), children in order; asserts that every child points back to its parent. */
function shape(node: Node | undefined): unknown {
  if (!node) return undefined;
  for (const child of node.children ?? []) assert.equal(child.parent, node, `a child of the ${node.type} at ${node.offset} points to another parent`);
  return { type: node.type, offset: node.offset, length: node.length, value: node.value, colonOffset: node.colonOffset, children: node.children?.map(shape) };
}

function policy(statements: number): string {
  const statement = (i: number) => ({ Sid: `S${i}`, Effect: 'Allow', Action: ['s3:GetObject', `s3:Put${i}`], Resource: `arn:aws:s3:::b-${i}/*`, Condition: { Bool: { 'aws:SecureTransport': 'true' } } });
  return JSON.stringify({ Version: '2012-10-17', Statement: Array.from({ length: statements }, (_, i) => statement(i)) }, null, 2);
}

function edit(text: string, at: number, remove: number, insert: string): string {
  return text.slice(0, at) + insert + text.slice(at + remove);
}

describe('re-reading a JSON document from its previous version', () => {
  it('gives the tree a full parse gives, for random edits of random JSON (property)', () => {
    let reused = 0;
    const fragment = fc.array(fc.constantFrom('{', '}', '[', ']', '"', ',', ':', ' ', '\n', 'a', '1', '\\', 'true', '"k": 2', '{"x": [1]}', '/*'), { maxLength: 4 }).map((parts) => parts.join(''));
    const document = fc.dictionary(fc.string({ maxLength: 4 }), fc.jsonValue({ maxDepth: 3 }), { minKeys: 1 });
    const scenario = fc.tuple(document, fc.nat(), fc.nat({ max: 6 }), fragment);
    fc.assert(
      fc.property(scenario, ([json, where, remove, insert]) => {
        const before = JSON.stringify(json, null, where % 3);
        const after = edit(before, where % (before.length + 1), remove, insert);
        const full = parseJsonDocument(after);
        const reparsed = reparseJson(parseJsonDocument(before), after);
        if (!reparsed) return;
        reused++;
        assert.deepEqual(shape(reparsed.document.root), shape(full.root));
        assert.deepEqual(reparsed.document.syntaxProblems, full.syntaxProblems);
        assert.equal(reparsed.document.text, after);
      }),
      { numRuns: 2000 },
    );
    // Most edits break the JSON or touch the root's brackets; enough must be confined for the property to say something.
    assert.ok(reused > 100, `only ${reused} of 2000 edits were re-read`);
  });

  it('re-reads only the edited statement of a large policy: the others are the same nodes, moved', () => {
    const before = policy(2000);
    const previous = parseJsonDocument(before);
    const statementsBefore = previous.root?.children?.[1]?.children?.[1]?.children ?? [];
    const first = statementsBefore[0];
    const last = statementsBefore.at(-1);
    const lastOffset = last?.offset ?? 0;
    const at = before.indexOf('"S1000"') + 2;
    const reparsed = reparseJson(previous, edit(before, at, 0, 'XY'));
    assert.ok(reparsed);
    const statements = reparsed.document.root?.children?.[1]?.children?.[1]?.children ?? [];
    assert.equal(statements.length, 2000);
    assert.equal(statements[0], first);
    assert.equal(statements.at(-1), last);
    assert.equal(statements.at(-1)?.offset, lastOffset + 2);
    // New: the root, the Statement property and array, and the edited statement (with what it holds); nothing else.
    const fresh = (node: Node): number => (reparsed.isNew(node) ? 1 : 0) + (node.children ?? []).reduce((n, c) => n + fresh(c), 0);
    const edited = statements[1000] as Node;
    assert.equal(fresh(reparsed.document.root as Node), 3 + fresh(edited));
    assert.ok(fresh(edited) < 40);
  });

  it('parses whole (undefined) where the edit cannot be confined', () => {
    const text = policy(2);
    const cases: Array<[string, string]> = [
      ['the previous version had a syntax error', edit(text, 1, 0, ',')],
      ['the edit breaks the JSON', edit(text, text.indexOf('"S1"'), 0, '{')],
      ['the edit is in the root brackets', edit(text, 0, 1, '[')],
      ['nothing changed', text],
    ];
    for (const [why, after] of cases) {
      const before = why.startsWith('the previous') ? edit(text, 1, 0, ',') : text;
      assert.equal(reparseJson(parseJsonDocument(before), why.startsWith('the previous') ? text : after), undefined, why);
    }
  });

  it('takes a previous version apart once: a second re-read from it parses whole', () => {
    const text = policy(3);
    const previous = parseJsonDocument(text);
    const changed = edit(text, text.indexOf('"S1"') + 2, 0, 'x');
    assert.ok(reparseJson(previous, changed));
    assert.equal(reparseJson(previous, edit(text, text.indexOf('"S2"') + 2, 0, 'y')), undefined);
  });

  it('parses whole when the edit nests past the limit (the full parse locates it)', () => {
    const text = '{"a": [1]}';
    const deep = `${'['.repeat(nestingLimit)}${']'.repeat(nestingLimit)}`;
    assert.equal(reparseJson(parseJsonDocument(text), edit(text, 7, 0, `${deep},`)), undefined);
    assert.ok(reparseJson(parseJsonDocument(text), edit(text, 7, 0, '[[1]],')));
  });
});
