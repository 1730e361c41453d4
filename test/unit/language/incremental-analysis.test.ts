import assert from 'node:assert/strict';
import { createWorkbenchService } from '../../../server/src/workbench';
import { AnalysisCancelled, type Analysis } from '../../../server/src/language/service';

const policy = JSON.stringify(
  {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'One', Effect: 'Allow', Action: ['s3:GetObject', 's3:GetObject'], Resource: 'arn:aws:s3:::bucket/*' },
      { Sid: 'Two', Effect: 'Allow', Action: 's3:PutObject', Resource: '*' },
      { Sid: 'Three', Effect: 'Deny', Action: 'ec2:RunInstances', Resource: '*', Condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } } },
    ],
  },
  null,
  2,
);

const template = JSON.stringify(
  {
    AWSTemplateFormatVersion: '2010-09-09',
    Resources: {
      First: { Type: 'AWS::IAM::ManagedPolicy', Properties: { PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] } } },
      Second: { Type: 'AWS::IAM::ManagedPolicy', Properties: { PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObjectt', Resource: '*' }] } } },
    },
  },
  null,
  2,
);

/** Replaces the first occurrence of `from` after `after` with `to`. */
function replace(text: string, after: string, from: string, to: string): string {
  const at = text.indexOf(from, text.indexOf(after));
  assert.ok(at >= 0, `${from} after ${after}`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** Each text analysed after the one before it, handing the previous analysis over, as the analysis threads do. */
function editSequence(texts: readonly string[]): void {
  const service = createWorkbenchService();
  let previous: Analysis | undefined;
  for (const [i, text] of texts.entries()) {
    const analysis = service.analyze(text, undefined, 'policy.json', 'json', { previous });
    const fresh = createWorkbenchService().analyze(text, undefined, 'policy.json', 'json');
    assert.deepEqual(analysis.findings, fresh.findings, `version ${i}`);
    assert.deepEqual(
      analysis.classification.regions.map((r) => [r.kind, r.shape, r.path]),
      fresh.classification.regions.map((r) => [r.kind, r.shape, r.path]),
    );
    previous = analysis;
  }
}

describe('incremental analysis (the previous version handed over)', () => {
  it('finds what a fresh analysis finds, edit after edit, through broken text and back', () => {
    const typo = replace(policy, '"Two"', 's3:PutObject', 's3:PutObjekt');
    const broken = replace(typo, '"Two"', '"Resource"', '"Resource" "');
    const longer = replace(typo, '"One"', 's3:GetObject"', 's3:GetObject", "s3:ListBucket"');
    const moved = replace(longer, '"Three"', '"ec2:RunInstances"', '"ec2:RunInstancesX"');
    editSequence([policy, typo, broken, typo, longer, moved, policy, policy]);
  });

  it('reuses the previous tree where the edit allows (the unedited statements are the same nodes)', () => {
    const service = createWorkbenchService();
    const first = service.analyze(policy, undefined, 'policy.json', 'json');
    const statementOne = first.document.root?.children?.[1]?.children?.[1]?.children?.[0];
    const second = service.analyze(replace(policy, '"Two"', 's3:PutObject', 's3:PutObjekt'), undefined, 'policy.json', 'json', { previous: first });
    assert.ok(statementOne);
    assert.equal(second.document.root?.children?.[1]?.children?.[1]?.children?.[0], statementOne);
    assert.ok(second.findings.some((f) => f.id === 'INVALID_ACTION'));
  });

  it('in a template whose other policies keep their nodes (read whole: their domains cache by node)', () => {
    const edited = replace(template, '"First"', 's3:GetObject', 's3:PutObject');
    const again = replace(edited, '"Second"', 's3:GetObjectt', 's3:GetObjectX');
    editSequence([template, edited, again, template]);
  });
});

describe('cancelling an analysis', () => {
  it('stops before the next check once cancelled, and throws AnalysisCancelled', () => {
    const service = createWorkbenchService();
    let asked = 0;
    assert.throws(() => service.analyze(policy, undefined, 'policy.json', 'json', { cancelled: () => ++asked > 3 }), AnalysisCancelled);
    // Asked before each of the first three checks (they ran) and the fourth (it did not): no check after that.
    assert.equal(asked, 4);
  });

  it('a cancellation that never comes changes nothing', () => {
    const service = createWorkbenchService();
    assert.deepEqual(service.analyze(policy, undefined, 'p.json', 'json', { cancelled: () => false }).findings, service.analyze(policy, undefined, 'p.json', 'json').findings);
  });
});
