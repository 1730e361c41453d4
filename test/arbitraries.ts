import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';

/** Keys the domains look for, so generated JSON gets classified and reaches every check. */
const domainKeys = [
  'Version', 'Statement', 'Sid', 'Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Principal', 'NotPrincipal',
  'Condition', 'AWS', 'Service', 'Federated', 'StringEquals', 'StringLike', 'ArnLike', 'ForAllValues:StringEquals', 'aws:SourceArn',
  'PolicyVersion', 'Document', 'Policy', 'AssumeRolePolicyDocument', 'Resources', 'Type', 'Properties', 'Ref', 'Fn::Sub',
  'Records', 'cf', 'config', 'eventType', 'distributionId', 'request', 'response', 'headers', 'key', 'value', 'uri', 'method',
  'querystring', 'clientIp', 'origin', 's3', 'custom', 'status', 'body', 'context', 'viewer',
  'Rules', 'Priority', 'Conditions', 'Actions', 'Field', 'Values', 'PathPatternConfig', 'HostHeaderConfig', 'HttpHeaderConfig',
  'HttpHeaderName', 'QueryStringConfig', 'SourceIpConfig', 'RegexValues', 'TargetGroupArn', 'ForwardConfig', 'TargetGroups',
  'Weight', 'RedirectConfig', 'FixedResponseConfig', 'StatusCode', 'Protocol', 'Port', 'Host', 'Path', 'Query',
  'ListenerArn', 'Listeners', 'DefaultActions', 'IsDefault', 'Transforms', 'Order',
];

const domainStrings = [
  '2012-10-17', '2008-10-17', 'Allow', 'Deny', '*', 's3:GetObject', 's3:*', 'iam:PassRole', 'ec2:Describe*', 'arn:aws:s3:::bucket/*',
  'arn:aws:iam::123456789012:role/x', 'lambda.amazonaws.com', '${aws:username}', 'viewer-request', 'origin-request', 'origin-response',
  'viewer-response', 'GET', 'host', 'Host', '/index.html', '203.0.113.1', '2001:db8::1', 'forward', 'redirect', 'fixed-response',
  'authenticate-oidc', 'path-pattern', 'host-header', 'http-header', 'query-string', 'source-ip', 'http-request-method',
  '10.0.0.0/8', 'HTTP_301', '#{host}', '#{path}', '200', '503', 'AWS::ElasticLoadBalancingV2::ListenerRule',
  'AWS::ElasticLoadBalancingV2::Listener', 'AWS::IAM::Role', 'default', '',
];

/** JSON values built from the domains' vocabulary, any shape, any nesting. */
export const domainJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...domainStrings),
    fc.string(),
    fc.integer(),
    fc.double({ noNaN: true }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...domainKeys), fc.string({ maxLength: 8 })), tie('value'), { maxKeys: 6 }),
  ),
})).value;

/** Every JSON file of the examples and the test fixtures: real documents to mutate. */
export function realDocuments(): string[] {
  const root = join(__dirname, '..', '..');
  const out: string[] = [];
  const walk = (folder: string) => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.json')) out.push(readFileSync(path, 'utf8'));
    }
  };
  walk(join(root, 'examples'));
  walk(join(root, 'test', 'fixtures'));
  return out;
}

/** A real document with a few random edits: deletions, insertions, duplicated slices. */
export function mutatedDocument(documents: readonly string[]): fc.Arbitrary<string> {
  const edit = fc.tuple(fc.nat(), fc.nat({ max: 12 }), fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('{', '}', '[', ']', '"', ',', ':', '\\', '\n', '/*', 'null', '"*"', '{"Effect": "Allow"}')));
  return fc.tuple(fc.constantFrom(...documents), fc.array(edit, { minLength: 1, maxLength: 4 })).map(([text, edits]) =>
    edits.reduce((doc, [at, remove, insert]) => {
      const offset = doc.length ? at % (doc.length + 1) : 0;
      return doc.slice(0, offset) + insert + doc.slice(offset + remove);
    }, text),
  );
}

/** Everything the language core must survive: arbitrary text, arbitrary JSON, AWS-shaped JSON, mutated real documents. */
export function anyDocument(): fc.Arbitrary<string> {
  const documents = realDocuments();
  return fc.oneof(
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.json(),
    domainJson.map((v) => JSON.stringify(v, null, 2) ?? ''),
    fc.record({ Version: fc.constant('2012-10-17'), Statement: fc.array(domainJson, { maxLength: 3 }) }).map((v) => JSON.stringify(v, null, 1)),
    fc.record({ Records: fc.array(fc.record({ cf: domainJson }), { maxLength: 2 }) }).map((v) => JSON.stringify(v)),
    fc.record({ Rules: fc.array(domainJson, { maxLength: 3 }) }).map((v) => JSON.stringify(v, null, 2)),
    ...(documents.length ? [mutatedDocument(documents)] : []),
  );
}
