import assert from 'node:assert/strict';
import type { Fix } from '../../../server/src/language/finding';
import { createWorkbenchService } from '../../../server/src/workbench';
import { policy, policyString } from './policies';

const service = createWorkbenchService();

function applyFix(text: string, fix: Fix): string {
  return [...fix.edits].sort((a, b) => b.offset - a.offset).reduce((t, e) => t.slice(0, e.offset) + e.newText + t.slice(e.offset + e.length), text);
}

/** The text after the first fix of the first finding of `id`. */
function fixed(text: string, id: string): string {
  const fix = service.analyze(text).findings.find((f) => f.id === id)?.fixes?.[0];
  assert.ok(fix, `${id} offers a fix`);
  return applyFix(text, fix);
}

const statement = (condition: string) => `{"Effect": "Allow", "Action": "sts:TagSession", "Resource": "*", "Condition": ${condition}}`;

describe('IAM fixes around Null', () => {
  it('rewrites StringLike "*" as Null false, which Access Analyzer then accepts', () => {
    const after = fixed(policy(statement('{"StringLike": {"aws:RequestTag/Project": ["*", "p-*"]}}')), 'EQUIVALENT_TO_NULL_FALSE');
    assert.equal(after, policy(statement('{"Null": {"aws:RequestTag/Project": "false"}}')));
    assert.deepEqual(service.analyze(after).findings.map((f) => f.id), []);
  });

  it('rewrites inside a policy kept as a JSON string, escaping the new text', () => {
    const after = fixed(policyString(policy(statement('{"StringNotLike": {"aws:RequestTag/Project": "*"}}'))), 'EQUIVALENT_TO_NULL_TRUE');
    assert.equal(after, policyString(policy(statement('{"Null": {"aws:RequestTag/Project": "true"}}'))));
  });

  it('removes a key that limits nothing, and its operator and Condition when they are left empty', () => {
    const base = '{"Effect": "Allow", "Action": "sts:TagSession", "Resource": "*"}';
    assert.equal(fixed(policy(statement('{"StringLikeIfExists": {"aws:RequestTag/Project": "*"}}')), 'REDUNDANT_KEY_DUE_TO_WILDCARD_IN_CONDITION'), policy(base));
    assert.equal(
      fixed(policy(statement('{"StringEquals": {"aws:RequestTag/a": "x"}, "StringLikeIfExists": {"aws:RequestTag/Project": "*"}}')), 'REDUNDANT_KEY_DUE_TO_WILDCARD_IN_CONDITION'),
      policy(statement('{"StringEquals": {"aws:RequestTag/a": "x"}}')),
    );
    assert.equal(
      fixed(policy(statement('{"StringEquals": {"aws:RequestTag/Team": "a"}, "Null": {"aws:RequestTag/Team": "false", "aws:RequestTag/b": "false"}}')), 'iam.redundant-null-false'),
      policy(statement('{"StringEquals": {"aws:RequestTag/Team": "a"}, "Null": {"aws:RequestTag/b": "false"}}')),
    );
  });
});
