import assert from 'node:assert/strict';
import { createWorkbenchService } from '../../../server/src/workbench';
import { policy, policyString } from './policies';

const service = createWorkbenchService();

/** The text with `|` marking the cursor, analysed; returns the analysis and the cursor offset. */
function at(marked: string) {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  return { text, offset, analysis: service.analyze(text) };
}

function apply(text: string, edit: { offset: number; length: number; newText: string }): string {
  return text.slice(0, edit.offset) + edit.newText + text.slice(edit.offset + edit.length);
}

describe('IAM hover', () => {
  it('describes an action: access level, resource types, condition keys, reference link', () => {
    const { analysis, offset, text } = at(policy('{"Effect": "Allow", "Action": "s3:GetOb|ject", "Resource": "*"}'));
    const hover = service.hover(analysis, offset);
    assert.ok(hover);
    assert.equal(text.slice(hover.range.offset, hover.range.offset + hover.range.length), '"s3:GetObject"');
    assert.match(hover.markdown, /^\*\*s3:GetObject\*\* \(Read\)/);
    assert.match(hover.markdown, /`object`: `arn:\$\{Partition\}:s3:::\$\{BucketName\}\/\$\{ObjectName\}`/);
    assert.match(hover.markdown, /Condition keys: .*`s3:ExistingObjectTag\/<key>`/);
    assert.match(hover.markdown, /\(https:\/\/docs\.aws\.amazon\.com\/service-authorization\/latest\/reference\/list_amazons3\.html\)/);
  });

  it('counts and lists the actions a wildcard matches', () => {
    const { analysis, offset } = at(policy('{"Effect": "Allow", "Action": ["logs:Create|*"], "Resource": "*"}'));
    const markdown = service.hover(analysis, offset)?.markdown ?? '';
    assert.match(markdown, /^\*\*`logs:Create\*`\*\* matches \d+ actions of \[Amazon CloudWatch Logs\]/);
    assert.match(markdown, /`CreateLogGroup` \(Write\)/);
  });

  it('explains a condition operator and a condition key', () => {
    const { analysis, offset } = at(policy('{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"IpAddressIf|Exists": {"aws:SourceIp": "10.0.0.0/8"}}}'));
    assert.match(service.hover(analysis, offset)?.markdown ?? '', /IPv6 addresses or CIDR ranges[\s\S]*Takes keys of type `IPAddress` \(and their multivalued `ArrayOf` forms\)[\s\S]*IfExists/);
    const key = at(policy('{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"IpAddress": {"aws:Sour|ceIp": "10.0.0.0/8"}}}'));
    assert.match(service.hover(key.analysis, key.offset)?.markdown ?? '', /^\*\*aws:SourceIp\*\* \(IPAddress\)\n\nThe requester's public IP address/);
  });

  it('tells which resource types an ARN can be', () => {
    const { analysis, offset } = at(policy('{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/re|ports/*"}'));
    const markdown = service.hover(analysis, offset)?.markdown ?? '';
    assert.match(markdown, /^\*\*Amazon S3\*\* ARN \(partition `aws`, region `\(none\)`, account `\(none\)`\)/);
    assert.match(markdown, /- `object`: `arn:\$\{Partition\}:s3:::\$\{BucketName\}\/\$\{ObjectName\}`/);
    assert.doesNotMatch(markdown, /- `accesspoint`/);
  });

  it('works inside a policy kept as a JSON string, with the range in the outer document', () => {
    const marked = policyString(policy('{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*"}')).replace('GetObject', 'Get|Object');
    const { analysis, offset, text } = at(marked);
    const hover = service.hover(analysis, offset);
    assert.equal(hover && text.slice(hover.range.offset, hover.range.offset + hover.range.length), '\\"s3:GetObject\\"');
  });
});

describe('IAM completion', () => {
  it('proposes service prefixes, landing after the colon', () => {
    const { analysis, offset } = at(policy('{"Effect": "Allow", "Action": ["lamb|"], "Resource": "*"}'));
    const lambda = service.complete(analysis, offset).find((p) => p.label === 'lambda');
    assert.deepEqual(lambda && { newText: lambda.edit.newText, snippet: lambda.snippet, length: lambda.edit.length }, { newText: '"lambda:$0"', snippet: true, length: 6 });
  });

  it('proposes the service\'s actions, replacing the whole string with its quotes', () => {
    const { analysis, offset, text } = at(policy('{"Effect": "Allow", "Action": ["s3:GetOb|"], "Resource": "*"}'));
    const proposals = service.complete(analysis, offset);
    const getObject = proposals.find((p) => p.label === 's3:GetObject');
    assert.ok(getObject);
    assert.ok(proposals.every((p) => p.label.startsWith('s3:')));
    assert.match(getObject.detail ?? '', /^Read: Grants permission to retrieve objects/);
    assert.equal(apply(text, getObject.edit), policy('{"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": "*"}'));
  });

  it('proposes condition operators and the keys of the statement\'s actions', () => {
    const op = at(policy('{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*", "Condition": {"|": {}}}'));
    const operators = service.complete(op.analysis, op.offset).map((p) => p.label);
    assert.ok(operators.includes('StringLike') && operators.includes('ForAnyValue:StringEquals') && operators.includes('BoolIfExists'));
    const key = at(policy('{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*", "Condition": {"StringLike": {"s3:|": ""}}}'));
    const keys = service.complete(key.analysis, key.offset).map((p) => p.label);
    assert.ok(keys.includes('s3:prefix') && keys.includes('aws:SourceIp'));
    assert.ok(!keys.includes('ec2:InstanceType'));
  });

  it('proposes the ARN templates of the statement\'s actions as snippets', () => {
    const { analysis, offset } = at(policy('{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "|"}'));
    const proposals = service.complete(analysis, offset);
    const object = proposals.find((p) => p.label === 'arn:${Partition}:s3:::${BucketName}/${ObjectName}');
    assert.deepEqual(object && { newText: object.edit.newText, detail: object.detail, snippet: object.snippet }, { newText: '"arn:aws:s3:::${1:BucketName}/${2:ObjectName}"', detail: 's3 object', snippet: true });
    assert.ok(!proposals.some((p) => p.label.includes(':bucket')));
  });

  it('proposes Allow and Deny for Effect', () => {
    const { analysis, offset } = at(policy('{"Effect": "|", "Action": "s3:GetObject", "Resource": "*"}'));
    assert.deepEqual(service.complete(analysis, offset).map((p) => p.edit.newText), ['"Allow"', '"Deny"']);
  });
});

describe('IAM refactorings', () => {
  it('turns a single action into an array and back', () => {
    const single = at(policy('{"Effect": "Allow", "Action": "s3:Get|Object", "Resource": "*"}'));
    const toArray = service.codeActions(single.analysis, { offset: single.offset, length: 0 }).find((a) => a.title === 'Make Action an array');
    assert.ok(toArray?.edits[0]);
    const array = apply(single.text, toArray.edits[0]);
    assert.equal(array, policy('{"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": "*"}'));
    const back = service.codeActions(service.analyze(array), { offset: array.indexOf('GetObject'), length: 0 }).find((a) => a.title === 'Make Action a single string');
    assert.ok(back?.edits[0]);
    assert.equal(apply(array, back.edits[0]), single.text);
  });

  it('spells out a wildcard action as the actions it matches', () => {
    const { analysis, offset, text } = at(policy('{"Effect": "Allow", "Action": ["s3:GetObject", "logs:Create|*"], "Resource": "*"}'));
    const expand = service.codeActions(analysis, { offset, length: 0 }).find((a) => a.title.startsWith('Expand "logs:Create*" to its'));
    assert.ok(expand?.edits[0]);
    const actions = (JSON.parse(apply(text, expand.edits[0])) as { Statement: Array<{ Action: string[] }> }).Statement[0]?.Action ?? [];
    assert.equal(actions[0], 's3:GetObject');
    assert.ok(actions.includes('logs:CreateLogGroup') && actions.includes('logs:CreateLogStream'));
    assert.ok(actions.slice(1).every((a) => a.startsWith('logs:Create')));
    assert.equal(expand.title, `Expand "logs:Create*" to its ${actions.length - 1} actions`);
  });

  it('quick fixes replace an unknown action and add a missing Version', () => {
    const text = '{"Statement": [{"Effect": "Allow", "Action": "s3:GetObjectt", "Resource": "*"}]}';
    const analysis = service.analyze(text);
    const replace = service.codeActions(analysis, { offset: text.indexOf('GetObjectt'), length: 0 }).find((a) => a.title === 'Change to "s3:GetObject"');
    assert.ok(replace?.edits[0] && replace.preferred);
    assert.equal(apply(text, replace.edits[0]), text.replace('GetObjectt', 'GetObject'));
    const version = service.codeActions(analysis, { offset: 0, length: 0 }).find((a) => a.title === 'Add "Version": "2012-10-17"');
    assert.ok(version?.edits[0]);
    assert.deepEqual(JSON.parse(apply(text, version.edits[0])).Version, '2012-10-17');
  });

  it('removes a redundant action and keeps the JSON valid', () => {
    const text = policy('{"Effect": "Allow", "Action": ["s3:*", "s3:GetObject"], "Resource": "*"}');
    const analysis = service.analyze(text);
    const remove = service.codeActions(analysis, { offset: text.indexOf('s3:GetObject'), length: 0 }).find((a) => a.title === 'Remove "s3:GetObject"');
    assert.ok(remove?.edits[0]);
    assert.deepEqual(JSON.parse(apply(text, remove.edits[0])).Statement[0].Action, ['s3:*']);
  });
});
