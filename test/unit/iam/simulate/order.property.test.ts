import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { ask, policyOf } from './simulate-fixture';

const statement = fc.record({
  Effect: fc.constantFrom('Allow', 'Deny'),
  Action: fc.constantFrom('s3:GetObject', 's3:*', 's3:Put*', 'ec2:*', '*'),
  Resource: fc.constantFrom('*', 'arn:aws:s3:::b/*', 'arn:aws:s3:::c/*'),
  Condition: fc.option(fc.constantFrom({ Bool: { 'aws:SecureTransport': 'true' } }, { StringNotEquals: { 'aws:PrincipalTag/team': 'red' } }, { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['a'] } }), { nil: undefined }),
});

const request = fc.record({
  action: fc.constantFrom('s3:GetObject', 's3:PutObject', 'ec2:RunInstances'),
  resource: fc.constantFrom('arn:aws:s3:::b/k', 'arn:aws:s3:::c/k'),
  context: fc.subarray<readonly [string, string]>([['aws:SecureTransport', 'true'], ['aws:PrincipalTag/team', 'red'], ['aws:TagKeys', 'a'], ['aws:TagKeys', 'b']]),
});

/** Statements with Sids, and the same statements in another order. */
const permuted = fc
  .array(statement, { minLength: 1, maxLength: 6 })
  .map((list) => list.map((s, i) => ({ Sid: `S${i}`, ...s })))
  .chain((named) => fc.tuple(fc.constant(named), fc.shuffledSubarray(named, { minLength: named.length, maxLength: named.length })));

describe('iam simulate: the decision does not depend on statement order or Sids', () => {
  it('reordering statements or renaming Sids never changes the decision', () => {
    fc.assert(
      fc.property(permuted, fc.array(statement, { maxLength: 3 }), request, fc.string(), ([named, shuffled], boundary, req, prefix) => {
        const renamed = shuffled.map((s, i) => ({ ...s, Sid: `${prefix}${i}` }));
        const policies = (list: object[]) => [policyOf('identity', list), ...(boundary.length ? [policyOf('boundary', boundary)] : [])];
        const before = ask(policies(named), req);
        const after = ask(policies(renamed), req);
        assert.equal(after.decision, before.decision);
        assert.equal(after.deciding.length, before.deciding.length);
        assert.deepEqual(after.missingContextValues, before.missingContextValues);
      }),
      { numRuns: 200 },
    );
  });
});
