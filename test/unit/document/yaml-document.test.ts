import assert from 'node:assert/strict';
import { getNodeValue, type Node } from 'jsonc-parser';
import { parseJsonDocument } from '../../../server/src/document/json';
import { parseYamlDocument, yamlDepthLimit } from '../../../server/src/document/yaml';

/** The same tree shape and values from JSON and from YAML. */
function valueOf(text: string, yaml: boolean): unknown {
  const root = yaml ? parseYamlDocument(text).root : parseJsonDocument(text).root;
  // getNodeValue builds prototype-less objects; a JSON round trip makes them comparable with literals.
  return root ? (JSON.parse(JSON.stringify(getNodeValue(root))) as unknown) : undefined;
}

function textOf(text: string, node: Node | undefined): string {
  return node ? text.slice(node.offset, node.offset + node.length) : '<none>';
}

describe('parseYamlDocument', () => {
  it('builds the tree JSON would, block and flow style alike', () => {
    const yaml = 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: [s3:GetObject, \'s3:PutObject\']\n    Resource: "*"\n    Condition: {Bool: {aws:SecureTransport: false}}\n';
    const json = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": false}}}]}';
    assert.deepEqual(valueOf(yaml, true), valueOf(json, false));
  });

  it('turns every short-form intrinsic into its long form, with the tag as the key', () => {
    const text = 'A: !Ref Bucket\nB: !GetAtt Fn.Arn\nC: !Sub "${X}-y"\nD: !Join [",", [a, !Ref B]]\nE: !Condition IsProd\nF: !Base64 x\n';
    assert.deepEqual(valueOf(text, true), {
      A: { Ref: 'Bucket' },
      B: { 'Fn::GetAtt': 'Fn.Arn' },
      C: { 'Fn::Sub': '${X}-y' },
      D: { 'Fn::Join': [',', ['a', { Ref: 'B' }]] },
      E: { Condition: 'IsProd' },
      F: { 'Fn::Base64': 'x' },
    });
    const document = parseYamlDocument(text);
    const sub = document.root?.children?.[2]?.children?.[1];
    assert.equal(textOf(text, sub), '!Sub "${X}-y"');
    assert.equal(textOf(text, sub?.children?.[0]?.children?.[0]), '!Sub');
    assert.equal(textOf(text, sub?.children?.[0]?.children?.[1]), '"${X}-y"');
  });

  it('gives string nodes the offsets of their text, quotes included', () => {
    const text = "a: plain text\nb: 'single'\nc: \"double\"\nd: |\n  block\n";
    const document = parseYamlDocument(text);
    const values = (document.root?.children ?? []).map((p) => p.children?.[1]);
    assert.deepEqual(values.map((v) => textOf(text, v)), ['plain text', "'single'", '"double"', '|\n  block']);
  });

  it('resolves aliases to the anchored value', () => {
    assert.deepEqual(valueOf('base: &b {x: 1}\nother: *b\n', true), { base: { x: 1 }, other: { x: 1 } });
  });

  it('locates what an alias expands to at the alias', () => {
    const text = 'base: &b {x: 1}\nother: *b\n';
    const other = parseYamlDocument(text).root?.children?.[1]?.children?.[1];
    assert.equal(textOf(text, other), '*b');
    assert.equal(textOf(text, other?.children?.[0]?.children?.[1]), '*b');
  });

  it('keeps every value of a repeated key, so the duplicate-key check sees them', () => {
    const document = parseYamlDocument('a: 1\na: 2\n');
    assert.equal(document.root?.children?.length, 2);
    assert.deepEqual(document.syntaxProblems, []);
  });

  it('stops past the depth limit with one located problem instead of exhausting the stack', () => {
    const depth = 20_000;
    const text = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const document = parseYamlDocument(text);
    const problem = document.syntaxProblems.find((p) => p.code === 'DEPTH_LIMIT' || p.code === 'PARSER_FAILURE');
    assert.ok(problem, `problems: ${JSON.stringify(document.syntaxProblems.slice(0, 3))}`);
    if (problem.code === 'DEPTH_LIMIT') assert.equal(problem.offset, yamlDepthLimit + 1);
  });

  it('bounds the expansion of aliases of aliases', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    const document = parseYamlDocument(lines.join('\n'));
    assert.ok(document.syntaxProblems.some((p) => p.code === 'ALIAS_BUDGET' || p.code === 'ALIAS_COUNT_EXCEEDED' || p.code === 'RESOURCE_EXHAUSTION'));
  });

  it('reads a text with no document as no root', () => {
    assert.equal(parseYamlDocument('# only a comment\n').root?.type ?? 'none', 'none');
  });
});
