import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { iamPreviewTitle, renderIamPreview, type IamPreviewView } from '../../../client/src/iam/preview-html';
import { formatIamRequestLine, parseIamRequestLine, wordAtEnd } from '../../../client/src/iam/request-line';
import { iamSimulate, iamStatements } from '../../../server/src/lsp/iam-simulate';
import type { IamPolicyText, IamSimulateResult } from '../../../server/src/lsp/protocol';
import { createWorkbenchService } from '../../../server/src/workbench';
import { repositoryRoot } from '../../../tools/docs/generate';
import { escapeHtml } from '../../../client/src/webview-html';

const service = createWorkbenchService();
const examples = join(repositoryRoot(), 'examples', 'iam');
const reports = readFileSync(join(examples, 'reports-reader.json'), 'utf8');
const alice = 'arn:aws:iam::111122223333:user/alice';

function decide(files: readonly IamPolicyText[], line: string): IamSimulateResult {
  const parsed = parseIamRequestLine(line);
  assert.ok('input' in parsed, JSON.stringify(parsed));
  return iamSimulate({ files, request: parsed.input });
}

const page = (result: IamSimulateResult | undefined, extra: Partial<IamPreviewView> = {}) =>
  renderIamPreview({ requestLine: 's3:GetObject x', documentName: 'reports-reader.json', added: [], nameOf: (uri) => uri.replace('file:///', ''), lineOf: (_uri, offset) => offset, ...(result ? { result } : {}), ...extra }, 'AbC123');

describe('IAM preview: request line', () => {
  const cases: Array<[string, string, ReturnType<typeof parseIamRequestLine>]> = [
    ['action and resource', 's3:GetObject arn:aws:s3:::b/k', { input: { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', context: [] } }],
    [
      'the caller and context keys, a key twice is multi-valued, a quoted value keeps its spaces',
      `s3:PutObject * aws:TagKeys=a --principal ${alice} aws:TagKeys=b "s3:x-amz-acl=public read"`,
      { input: { action: 's3:PutObject', resource: '*', principal: alice, context: [['aws:TagKeys', 'a'], ['aws:TagKeys', 'b'], ['s3:x-amz-acl', 'public read']] } },
    ],
    ['no resource', 's3:GetObject', { error: 'give the action and the resource, e.g. s3:GetObject arn:aws:s3:::bucket/key' }],
    ['a wildcard action', 's3:Get* *', { error: 'the action is one privilege as SERVICE:ACTION, without wildcards (got "s3:Get*")' }],
    ['a word that is no context key', 's3:GetObject * SourceIp=1', { error: '"SourceIp=1" is not KEY=VALUE with a key such as aws:SourceIp' }],
    ['--principal without a value', 's3:GetObject * --principal', { error: '--principal needs an ARN (or a service principal)' }],
    ['an open quote', 's3:GetObject "arn', { error: 'a " quote is not closed' }],
  ];
  for (const [name, line, expected] of cases) it(name, () => assert.deepEqual(parseIamRequestLine(line), expected));

  it('round-trips through its own format', () => {
    const input = { action: 'sts:AssumeRole', resource: 'arn:aws:iam::1:role/r', principal: alice, context: [['aws:PrincipalTag/team', 'a b'], ['aws:SourceIp', '192.0.2.1']] as const };
    assert.deepEqual(parseIamRequestLine(formatIamRequestLine(input)), { input });
  });

  const words: Array<[string, ReturnType<typeof wordAtEnd>]> = [
    ['s3:Get', { kind: 'action', typed: 's3:Get', action: undefined }],
    ['s3:GetObject arn:aws', undefined],
    ['s3:GetObject * aws:Sou', { kind: 'contextKey', typed: 'aws:Sou', action: 's3:GetObject' }],
    ['s3:GetObject * aws:SourceIp=1', undefined],
    ['s3:GetObject * --principal arn', undefined],
    ['s3:GetObject * "aws:Sou', undefined],
  ];
  for (const [line, expected] of words) it(`completes "${line}" as ${expected?.kind ?? 'nothing'}`, () => assert.deepEqual(wordAtEnd(line), expected));
});

describe('IAM preview: HTML', () => {
  const file: IamPolicyText = { uri: 'file:///reports-reader.json', text: reports, format: 'json' };

  it('has a strict CSP with a nonce on its only style and script', () => {
    const html = page(decide([file], 's3:GetObject *'));
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-AbC123'; script-src 'nonce-AbC123';">/);
    assert.equal(html.match(/<script/g)?.length, 1);
    assert.equal(html.match(/<style/g)?.length, 1);
    assert.match(html, /<script nonce="AbC123">/);
    assert.doesNotMatch(html, / style="| on[a-z]+="/, 'no inline styles or handlers: the CSP would block them');
  });

  it('escapes every value from the policies, the file names and the request', () => {
    const hostile = JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: '<img src=x onerror=alert(1)>', Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalTag/<b>': '"><svg onload=alert(1)>' } } }] });
    const result = decide([{ uri: 'file:///<x>.json', text: hostile, format: 'json' }], `s3:GetObject * "aws:PrincipalTag/<b>=<script>alert(1)</script>"`);
    const html = page(result, { requestLine: '<script>alert(2)</script>', documentName: '<doc>.json', added: [{ uri: 'file:///<boundary>.json', role: 'boundary' }] });
    assert.doesNotMatch(html, /<img|<svg|<script>alert|<b>|<x>|<doc>|<boundary>/);
    assert.match(html, /<span class="sid">&lt;img src=x onerror=alert\(1\)&gt;<\/span>/);
    assert.match(html, /saw &quot;&lt;script&gt;alert\(1\)&lt;\/script&gt;&quot;/);
    assert.equal(escapeHtml(`<a href="x" onclick='y'>&`), '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;');
  });

  it('shows the decision, each statement with ✓/✗ and its reasons, and where each is', () => {
    const result = decide([file], `s3:GetObject arn:aws:s3:::example-reports/alice/q3.csv --principal ${alice} aws:SourceIp=192.0.2.7`);
    const html = page(result);
    assert.match(html, /<p class="decision allowed" id="decision" data-decision="allowed"><span class="word">Allowed<\/span> <code>allowed<\/code><\/p>/);
    const first = reports.indexOf('{\n      "Sid": "ReadReportsFromTheOffice"');
    assert.match(html, new RegExp(`<li class="statement applies deciding" data-sid="ReadReportsFromTheOffice" data-applies="true" data-deciding="true" data-uri="file:///reports-reader.json" data-offset="${first}" data-length="\\d+"`));
    assert.match(html, /<span class="mark">✓<\/span> <span class="field">resource<\/span> <span class="reason">arn:aws:s3:::example-reports\/alice\/q3\.csv matches &quot;arn:aws:s3:::example-reports\/\$\{aws:username\}\/\*&quot;<\/span>/);
    assert.match(html, /<li class="element condition matched" data-mark="✓" data-uri="file:\/\/\/reports-reader\.json" data-offset="\d+"[^>]*><span class="mark">✓<\/span> <span class="field">IpAddress aws:SourceIp<\/span> <code>&quot;192\.0\.2\.0\/24&quot;<\/code> <span class="reason">saw &quot;192\.0\.2\.7&quot;<\/span>/);
    assert.match(html, /<li class="statement not-applies" data-sid="NeverDelete" data-applies="false" data-deciding="false"/);
    assert.match(html, new RegExp(`<span class="line">line ${first}</span>`));
  });

  it('names the missing context values, and a deny by an added SCP', () => {
    const scp: IamPolicyText = { uri: 'file:///deny-regions.scp.json', text: readFileSync(join(examples, 'deny-regions.scp.json'), 'utf8'), format: 'json', role: 'scp' };
    const result = decide([file, scp], `s3:GetObject arn:aws:s3:::example-reports/alice/q3.csv --principal ${alice} aws:SourceIp=192.0.2.7`);
    const html = page(result, { added: [{ uri: scp.uri, role: 'scp' }] });
    assert.match(html, /data-decision="explicitDeny"><span class="word">Denied by an explicit Deny<\/span>/);
    assert.match(html, /<ul id="missing"><li><code>aws:RequestedRegion<\/code><\/li><\/ul>/);
    assert.match(html, /<section class="policy" data-role="scp"><h2>SCP <span class="file">deny-regions\.scp\.json<\/span><\/h2>/);
    assert.match(html, /<li>SCP <code>deny-regions\.scp\.json<\/code> <button type="button" class="link" data-command="removePolicy" data-index="0">Remove<\/button><\/li>/);
  });

  it('notes a misspelt action above the decision, escaped', () => {
    const html = page(decide([file], 's3:GetObjet *'));
    assert.match(html, /<ul id="notes"><li>Amazon S3 has no action &quot;GetObjet&quot;; did you mean s3:GetObject\? [^<]*<\/li><\/ul><section id="answer">/);
    assert.doesNotMatch(page(decide([file], 's3:GetObject *')), /id="notes"/);
    const hostile = page(decide([file], 's3:GetObject * aws:<b>=1'));
    assert.match(hostile, /<ul id="notes"><li>&quot;aws:&lt;b&gt;&quot; is not a global condition key[^<]*<\/li><\/ul>/);
  });

  it('says which file holds no policy, and shows a problem instead of an answer', () => {
    const html = page(decide([file, { uri: 'file:///package.json', text: '{"name": "x"}', format: 'json', role: 'boundary' }], 's3:GetObject *'));
    assert.match(html, /<div class="problem" id="problem"><p>package\.json: holds no IAM policy/);
    assert.match(page(undefined, { problem: 'The policy document was <closed>.' }), /<p class="problem" id="problem">The policy document was &lt;closed&gt;\.<\/p>/);
  });

  it('titles the tab by file and action', () => assert.equal(iamPreviewTitle('reports-reader.json', 's3:GetObject'), 'IAM reports-reader.json: s3:GetObject'));
});

describe('IAM preview: statements for the lenses', () => {
  it('finds every statement of a policy in a YAML template, with a request to start from', () => {
    const template = [
      'Resources:',
      '  Fn:',
      '    Type: AWS::IAM::Policy',
      '    Properties:',
      '      PolicyDocument:',
      '        Version: "2012-10-17"',
      '        Statement:',
      '          - Sid: Read',
      '            Effect: Allow',
      '            Action: [s3:Get*, s3:GetObject]',
      '            Resource: arn:aws:s3:::b/*',
      '          - Effect: Allow',
      '            Action: sqs:SendMessage',
      '            Resource: "*"',
      '',
    ].join('\n');
    const { statements } = iamStatements(service.analyze(template, undefined, 'template.yaml', 'yaml'), 3);
    assert.deepEqual(statements.map((s) => ({ ...s, text: template.slice(s.offset, s.offset + 7) })), [
      { offset: template.indexOf('Sid: Read'), length: statements[0]?.length, sid: 'Read', action: 's3:GetObject', resource: 'arn:aws:s3:::b/example', text: 'Sid: Re' },
      { offset: template.indexOf('Effect: Allow\n            Action: sqs'), length: statements[1]?.length, action: 'sqs:SendMessage', resource: '*', text: 'Effect:' },
    ]);
  });
});
