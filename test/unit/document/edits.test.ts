import assert from 'node:assert/strict';
import { restyleForYaml, yamlScalar } from '../../../server/src/document/edits';
import { createWorkbenchService } from '../../../server/src/workbench';

describe('restyleForYaml', () => {
  const table: ReadonlyArray<[name: string, text: string, replaced: string, newText: string, expected: string]> = [
    ['a plain scalar stays plain', 'Action: s3:GetObjekt\n', 's3:GetObjekt', '"s3:GetObject"', 's3:GetObject'],
    ['a double-quoted scalar stays double-quoted', 'Action: "s3:GetObjekt"\n', '"s3:GetObjekt"', '"s3:GetObject"', '"s3:GetObject"'],
    ['a single-quoted scalar stays single-quoted', "Sid: 'it''s'\n", "'it''s'", '"it\'s ok"', "'it''s ok'"],
    ['a value YAML would misread is quoted', 'Resource: x\n', 'x', '"*"', '"*"'],
    ['"true" stays a string', 'Value: x\n', 'x', '"true"', '"true"'],
    ['an edit that is not a JSON string is left alone', 'A: x\n', 'x', '!Ref B', '!Ref B'],
  ];
  for (const [name, text, replaced, newText, expected] of table) {
    it(name, () => assert.equal(restyleForYaml(text, { offset: text.indexOf(replaced), length: replaced.length, newText }).newText, expected));
  }

  it('writes plain only what YAML reads back as the same string', () => {
    for (const value of ['s3:GetObject', 'arn:aws:s3:::b/*', '2012-10-17', '*', '- x', 'a: b', 'a #b', 'yes', '123', '', 'x,y', '[x]', '${aws:username}']) {
      const written = yamlScalar(value);
      const reread = written.startsWith('"') ? (JSON.parse(written) as string) : written;
      assert.equal(reread, value);
      if (!written.startsWith('"')) assert.match(written, /^[A-Za-z0-9_./$]/, value);
    }
  });
});

describe('completion and quick fixes in YAML', () => {
  const service = createWorkbenchService();
  const text = 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: s3:GetObj\n    Resource: "*"\n';

  it('completes an action typed as a plain scalar, in the plain style', () => {
    const analysis = service.analyze(text, undefined, 'policy.yaml');
    const proposals = service.complete(analysis, text.indexOf('s3:GetObj') + 9);
    const getObject = proposals.find((p) => p.label === 's3:GetObject');
    assert.ok(getObject, `${proposals.length} proposals`);
    assert.equal(getObject.edit.newText, 's3:GetObject');
    assert.equal(getObject.filterText, 's3:GetObject');
    assert.deepEqual({ offset: getObject.edit.offset, length: getObject.edit.length }, { offset: text.indexOf('s3:GetObj'), length: 9 });
  });

  it('fixes an action in the style it was written', () => {
    const analysis = service.analyze(text.replace('s3:GetObj', 's3:GetObjekt'), undefined, 'policy.yaml');
    const invalid = analysis.findings.find((f) => f.id === 'INVALID_ACTION');
    assert.equal(invalid?.fixes?.[0]?.edits[0]?.newText, 's3:GetObject');
  });
});
