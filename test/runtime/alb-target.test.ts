import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { handlersRoot, runCli } from './harness';

// `lambda-workbench alb` with Lambda targets, as a user runs it: the built CLI in a child
// process, in examples/handlers (whose lambda-workbench.json maps the target groups of
// examples/alb/lambda-targets.json to alb-target.handler), invoking the handler in a real
// execution environment.

const rules = '../alb/lambda-targets.json';

interface TargetJson {
  readonly kind: string;
  readonly handler: string;
  readonly mappedBy: string;
  readonly multiValueHeaders: boolean;
  readonly event: Record<string, unknown> | null;
  readonly invoke: { readonly status: string } | null;
  readonly response: { readonly status: number; readonly headers: Array<{ name: string; value: string }>; readonly body: string; readonly bodyBase64: string; readonly binary: boolean };
  readonly failure: { readonly code: string; readonly message: string } | null;
}

async function target(...args: string[]): Promise<TargetJson> {
  return targetIn(rules, ...args);
}

async function targetIn(file: string, ...args: string[]): Promise<TargetJson> {
  const run = await runCli(['alb', file, ...args, '--json']);
  const parsed = JSON.parse(run.stdout) as { target: TargetJson };
  return parsed.target;
}

describe('CLI: alb through a Lambda target (real processes)', function () {
  this.timeout(20_000);

  it('invokes the mapped handler with the ALB event and prints its response', async () => {
    const run = await runCli(['alb', rules, 'GET', 'https://example.com/api/echo?x=1&x=2', '-H', 'Cookie: a=1', '-H', 'Cookie: b=2', '--source-ip', '203.0.113.7']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /\nTarget {4}Lambda alb-target\.handler \(target group api in lambda-workbench\.json; multi-value headers off\)\nInvoked {3}RequestId \S+, [\d.]+ ms\nResponse {2}HTTP 200 OK\n {10}Content-Type: application\/json\n {10}Content-Length: \d+\n\n\{"method":"GET"/);
    const body = JSON.parse(run.stdout.slice(run.stdout.lastIndexOf('\n{'))) as Record<string, unknown>;
    assert.deepEqual(body, {
      method: 'GET',
      path: '/api/echo',
      query: { x: '2' },
      host: 'example.com',
      forwardedFor: '203.0.113.7',
      body: '',
      isBase64Encoded: false,
      targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/api/6d0ecf831eec9f09',
    });
    // The function's log, as invoke prints it.
    assert.match(run.stderr, /^START RequestId: \S+ Version: \$LATEST\nEND RequestId: \S+\nREPORT RequestId: /);
  });

  it('sends the event exactly as ALB does: last values win, names lower-cased, ALB headers added', async () => {
    const result = await target('GET', 'https://example.com/api/echo?x=1&x=2&q=caf%C3%A9', '-H', 'Cookie: a=1', '-H', 'Cookie: b=2', '-H', 'X-Forwarded-For: 198.51.100.9', '--source-ip', '203.0.113.7');
    const event = result.event ?? {};
    assert.deepEqual(event['queryStringParameters'], { x: '2', q: 'caf%C3%A9' });
    const headers = event['headers'] as Record<string, string>;
    assert.equal(headers['cookie'], 'b=2');
    assert.equal(headers['x-forwarded-for'], '198.51.100.9, 203.0.113.7');
    assert.equal(headers['x-forwarded-proto'], 'https');
    assert.equal(headers['x-forwarded-port'], '443');
    assert.match(headers['x-amzn-trace-id'] ?? '', /^Root=1-[0-9a-f]{8}-[0-9a-f]{24}$/);
  });

  it('uses the multi-value forms for a target group with multi-value headers, base64 for a form body', async () => {
    const result = await target('POST', 'https://example.com/v2/echo?a=1&a=2', '-H', 'Content-Type: application/x-www-form-urlencoded', '-d', 'name=Ada');
    assert.equal(result.mappedBy, 'api-v2 in lambda-workbench.json');
    assert.equal(result.multiValueHeaders, true);
    const event = result.event ?? {};
    assert.deepEqual(event['multiValueQueryStringParameters'], { a: ['1', '2'] });
    assert.deepEqual((event['multiValueHeaders'] as Record<string, string[]>)['content-type'], ['application/x-www-form-urlencoded']);
    assert.equal('headers' in event, false);
    assert.equal(event['isBase64Encoded'], true);
    assert.equal(event['body'], Buffer.from('name=Ada').toString('base64'));
    assert.equal(result.response.status, 200);
  });

  it('sends one Set-Cookie line per value with multi-value headers, and the last one without', async () => {
    const multi = await runCli(['alb', rules, 'GET', 'https://example.com/v2/cookies']);
    assert.match(multi.stdout, /Response {2}HTTP 200 OK\n {10}Set-Cookie: theme=dark\n {10}Set-Cookie: lang=en\n {10}Content-Type: text\/plain\n {10}Content-Length: 11\n\ntwo cookies\n/);
    const single = await runCli(['alb', rules, 'GET', 'https://example.com/api/cookies']);
    assert.match(single.stdout, /Response {2}HTTP 200 OK\n {10}Set-Cookie: theme=dark\n {10}Content-Type: text\/plain\n/);
  });

  it('decodes a base64 body into binary content', async () => {
    const result = await target('GET', 'https://example.com/api/pixel');
    assert.equal(result.response.binary, true);
    assert.equal(result.response.bodyBase64, 'R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7');
    const text = await runCli(['alb', rules, 'GET', 'https://example.com/api/pixel']);
    assert.match(text.stdout, /Content-Type: image\/gif\n {10}Content-Length: 42\n\n\(42 bytes of binary content; --json gives them in base64\)\n/);
  });

  const failures: Array<[string, string, RegExp]> = [
    ['/api/string-status', 'LambdaInvalidResponse', /^statusCode is the string "200", not a number$/],
    ['/api/no-status', 'LambdaInvalidResponse', /^statusCode is missing$/],
    ['/api/number-header', 'LambdaInvalidResponse', /^headers\["X-Count"\] is the number 3, not a string$/],
    ['/api/throw', 'LambdaUnhandled', /^the function failed with Error: the handler failed$/],
    ['/api/slow', 'LambdaUnhandled', /^the function did not respond before its timeout \(Sandbox\.Timedout: RequestId: \S+ Error: Task timed out after 1\.00 seconds\)$/],
  ];
  for (const [path, code, message] of failures) {
    it(`answers 502 as ALB would, naming the reason, for ${path}, and exits 1`, async () => {
      const run = await runCli(['alb', rules, 'GET', `https://example.com${path}`]);
      assert.equal(run.code, 1);
      const line = /\nALB error (\S+): (.*)\nResponse {2}HTTP 502 Bad Gateway\n {10}Server: awselb\/2\.0\n/.exec(run.stdout);
      assert.ok(line, run.stdout);
      assert.equal(line[1], code);
      assert.match(line[2] ?? '', message);
    });
  }

  it('takes --target mappings over lambda-workbench.json, with --multi-value-headers', async () => {
    const result = await target('GET', 'https://example.com/api/echo?k=v', '--target', 'api=alb-target.handler', '--multi-value-headers');
    assert.equal(result.mappedBy, 'api in --target');
    assert.deepEqual((result.event ?? {})['multiValueQueryStringParameters'], { k: ['v'] });
  });

  it("maps a CloudFormation template's target group by logical id, with the template's multi-value setting", async () => {
    const result = await targetIn('../alb/lambda-targets.cfn.json', 'GET', 'https://example.com/api/echo?a=1&a=2');
    assert.equal(result.mappedBy, 'ApiTargetGroup in lambda-workbench.json');
    assert.equal(result.multiValueHeaders, true);
    const event = result.event ?? {};
    assert.deepEqual(event['requestContext'], { elb: { targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/api-cfn/0000000000000000' } });
    assert.deepEqual(event['multiValueQueryStringParameters'], { a: ['1', '2'] });
    assert.deepEqual((JSON.parse(result.response.body) as { query: unknown }).query, { a: ['1', '2'] });
  });

  it("runs a template's own function (SAM CodeUri and Handler) when no mapping names its target group; a mapping still wins", async () => {
    const own = await targetIn('../alb/sam-lambda-target.json', 'GET', 'http://example.com/api/echo');
    assert.equal(own.mappedBy, 'FunctionTargetGroup → EchoFunction in the template, code in .');
    assert.equal(own.invoke?.status, 'success');
    assert.equal(own.response.status, 200);
    assert.equal((JSON.parse(own.response.body) as { path: string }).path, '/api/echo');
    const mapped = await targetIn('../alb/sam-lambda-target.json', 'GET', 'http://example.com/api/echo', '--target', 'FunctionTargetGroup=cjs.handler');
    assert.equal(mapped.mappedBy, 'FunctionTargetGroup in --target');
    assert.equal(mapped.handler, 'cjs.handler');
  });

  it("runs a template's own function with the template's settings: Environment over SAM's Globals, its logical id as the function name", async () => {
    const folder = mkdtempSync(join(tmpdir(), 'alb-template-settings-'));
    try {
      mkdirSync(join(folder, 'src'));
      writeFileSync(join(folder, 'src', 'env.js'), 'exports.handler = async () => ({ statusCode: 200, body: JSON.stringify({ greeting: process.env.GREETING, stage: process.env.STAGE, name: process.env.AWS_LAMBDA_FUNCTION_NAME }) });\n');
      const template = {
        Transform: 'AWS::Serverless-2016-10-31',
        Parameters: { Stage: { Type: 'String', Default: 'test' } },
        Globals: { Function: { Runtime: 'nodejs20.x', Environment: { Variables: { GREETING: 'from Globals', STAGE: { Ref: 'Stage' } } } } },
        Resources: {
          Listener: { Type: 'AWS::ElasticLoadBalancingV2::Listener', Properties: { Port: 80, Protocol: 'HTTP', DefaultActions: [{ Type: 'forward', TargetGroupArn: { Ref: 'Group' } }] } },
          Group: { Type: 'AWS::ElasticLoadBalancingV2::TargetGroup', Properties: { TargetType: 'lambda', Targets: [{ Id: { 'Fn::GetAtt': ['EnvFunction', 'Arn'] } }] } },
          EnvFunction: { Type: 'AWS::Serverless::Function', Properties: { CodeUri: 'src/', Handler: 'env.handler', Environment: { Variables: { GREETING: 'from the function' } } } },
        },
      };
      writeFileSync(join(folder, 'template.json'), JSON.stringify(template, null, 2));
      const result = await targetIn(join(folder, 'template.json'), 'GET', 'http://example.com/');
      assert.equal(result.invoke?.status, 'success', JSON.stringify(result));
      assert.deepEqual(JSON.parse(result.response.body), { greeting: 'from the function', stage: 'test', name: 'EnvFunction' });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('sends a file body (-d @FILE) as its bytes: base64 with isBase64Encoded for a binary type', async () => {
    const result = await target('POST', 'https://example.com/api/echo', '-H', 'Content-Type: application/octet-stream', '-d', '@../alb/lambda-targets.json');
    const { body, isBase64Encoded } = JSON.parse(result.response.body) as { body: string; isBase64Encoded: boolean };
    assert.equal(isBase64Encoded, true);
    assert.deepEqual(Buffer.from(body, 'base64'), readFileSync(join(handlersRoot, '../alb/lambda-targets.json')));
    const missing = await runCli(['alb', rules, 'POST', 'https://example.com/api/echo', '-d', '@nothere.bin']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^lambda-workbench alb: -d @nothere\.bin: /);
  });

  it('routes without invoking with --no-invoke, and says how to map an unmapped target group', async () => {
    const skipped = await runCli(['alb', rules, 'GET', 'https://example.com/api/echo', '--no-invoke']);
    assert.equal(skipped.code, 0);
    assert.match(skipped.stdout, /\nTarget {4}Lambda alb-target\.handler \(not invoked: --no-invoke\)\n$/);
    assert.equal(skipped.stderr, '', 'nothing ran');
    const unmapped = await runCli(['alb', '../alb/listener-rules.cfn.json', 'GET', 'https://api.example.com/v1/users']);
    assert.equal(unmapped.code, 0);
    assert.match(unmapped.stdout, /\nResponse {2}from the target \(to run a local handler for it: --target TG=HANDLER, or "targetGroups" in lambda-workbench\.json\)\n/);
  });
});
