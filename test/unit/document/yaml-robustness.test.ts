import assert from 'node:assert/strict';
import { createWorkbenchService } from '../../../server/src/workbench';

/**
 * Hostile and huge YAML: each gets located findings (or none), never a crash
 * and never an engine failure.
 */
const service = createWorkbenchService();
const policyResource = 'Policy:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - {Effect: Allow, Action: s3:GetObjekt, Resource: "*"}\n';

function findings(text: string): Array<{ id: string; at: string }> {
  const analysis = service.analyze(text, undefined, 'template.yaml');
  for (const f of analysis.findings) {
    assert.ok(f.range.offset >= 0 && f.range.offset + f.range.length <= text.length, `${f.id} is inside the text`);
    assert.notEqual(f.id, 'internal.engine-failure', f.message);
  }
  return analysis.findings.map((f) => ({ id: f.id, at: text.slice(f.range.offset, f.range.offset + f.range.length) }));
}

describe('YAML robustness', () => {
  it('a 5 MB template: the one mistake in it, located', function () {
    this.timeout(120_000);
    const topics: string[] = [];
    for (let i = 0; topics.length * 110 < 5_000_000; i++) topics.push(`  Topic${i}:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: topic-${i}\n      Tags: [{Key: team, Value: t${i % 7}}]\n`);
    const text = `Resources:\n${topics.join('')}  ${policyResource}`;
    assert.ok(text.length >= 5_000_000);
    assert.deepEqual(findings(text), [{ id: 'INVALID_ACTION', at: 's3:GetObjekt' }]);
  });

  it('duplicate keys are reported on the ignored one', () => {
    const text = `Resources:\n  ${policyResource}  Topic:\n    Type: AWS::SNS::Topic\n    Type: AWS::SQS::Queue\n`;
    assert.deepEqual(findings(text).filter((f) => f.id === 'json.duplicate-key'), [{ id: 'json.duplicate-key', at: 'Type' }]);
  });

  it('a mistake inside an anchored statement is reported at the anchor and at each alias', () => {
    const text = 'Resources:\n  A:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - &read {Effect: Allow, Action: s3:GetObjekt, Resource: "*"}\n  B:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - *read\n';
    assert.deepEqual(findings(text), [{ id: 'INVALID_ACTION', at: 's3:GetObjekt' }, { id: 'INVALID_ACTION', at: '*read' }]);
  });

  it('nesting 100,000 levels deep, in flow and in block style', () => {
    const flow = `Resources:\n  P:\n    Properties: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`;
    assert.ok(findings(flow).some((f) => f.id === 'yaml.syntax'));
    const block = `Resources:\n  P:\n    Properties:\n${Array.from({ length: 2_000 }, (_, i) => `${' '.repeat(6 + i)}k${i}:`).join('\n')}\n`;
    findings(block);
  });

  it('binary content read as text', () => {
    let seed = 7;
    const bytes = Array.from({ length: 64_000 }, () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % 256);
    const text = `Resources:\n  ${policyResource}${String.fromCharCode(...bytes.slice(0, 32_000))}${String.fromCharCode(...bytes.slice(32_000))}`;
    findings(text);
  });

  it('a billion laughs: aliases of aliases', () => {
    const lines = ['Resources:', '  P:', '    Type: AWS::IAM::ManagedPolicy', '    Properties:', '      a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 10; i++) lines.push(`      a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    assert.ok(findings(lines.join('\n')).some((f) => f.id === 'yaml.syntax'));
  });
});

describe('YAML problems that leave the tree whole', () => {
  it('a second document and an unknown tag do not hide the first document\'s findings', () => {
    const text = `Resources:\n  ${policyResource}  Topic:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: !Reff x\n---\nother: doc\n`;
    assert.deepEqual(findings(text).map((f) => f.id), ['INVALID_ACTION', 'yaml.syntax', 'yaml.syntax']);
  });
});
