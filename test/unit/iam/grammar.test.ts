import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Rule {
  readonly match?: string;
  readonly begin?: string;
  readonly injectionSelector?: string;
}

/** The injection grammar's regular expressions are plain Oniguruma that JavaScript also reads; test them on policy strings. */
const grammarPath = join(__dirname, '..', '..', '..', '..', 'syntaxes', 'iam-policy.injection.tmLanguage.json');
const grammar = JSON.parse(readFileSync(grammarPath, 'utf8')) as { scopeName: string; injectionSelector: string; repository: Record<string, Rule> };
const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', '..', 'package.json'), 'utf8')) as {
  contributes: { grammars: Array<{ scopeName: string; path: string; injectTo: string[] }> };
};

function rule(name: string, key: 'match' | 'begin'): RegExp {
  const source = grammar.repository[name]?.[key];
  assert.ok(source, `${name}.${key}`);
  return new RegExp(source);
}

describe('IAM injection grammar', () => {
  it('is contributed into JSON and JSON with comments', () => {
    const entry = manifest.contributes.grammars.find((g) => g.scopeName === grammar.scopeName);
    assert.deepEqual(entry, { scopeName: 'iam-policy.injection', path: './syntaxes/iam-policy.injection.tmLanguage.json', injectTo: ['source.json', 'source.json.comments'] });
    assert.equal(grammar.injectionSelector, 'L:string.quoted.double.json -comment');
  });

  it('highlights policy variables', () => {
    const match = rule('policy-variable', 'match').exec('"arn:aws:s3:::b/home/${aws:username}/*"');
    assert.deepEqual(match?.slice(0, 4), ['${aws:username}', '${', 'aws:username', '}']);
  });

  it('splits an ARN into its fields', () => {
    const text = '"arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/fn:*"';
    const match = rule('arn', 'begin').exec(text);
    assert.deepEqual(match?.slice(1, 11), ['arn', ':', 'aws', ':', 'logs', ':', 'us-east-1', ':', '123456789012', ':']);
    assert.deepEqual(rule('arn', 'begin').exec('"arn:aws:s3:::bucket/*"')?.slice(3, 10), ['aws', ':', 's3', ':', '', ':', '']);
    assert.equal(rule('arn', 'begin').exec('"arnold:x"'), null);
  });

  it('marks the service prefix of an action, and only whole action strings', () => {
    assert.deepEqual(rule('action', 'match').exec('"ec2:Describe*"')?.slice(1, 4), ['ec2', ':', 'Describe*']);
    assert.equal(rule('action', 'match').exec('"https://example.com"'), null);
    assert.equal(rule('action', 'match').exec('"2012-10-17"'), null);
  });
});
