import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { judgeInvoke, type EdgeFunctionConfig } from '../../server/src/edge/result/after-invoke';
import { describeConsequence } from '../../server/src/edge/result/verdict';
import type { Trigger } from '../../server/src/edge/model/triggers';
import { cliScript, repoRoot, withFunction } from './harness';

// CloudFront's result rules on real handlers run through the local runtime:
// each handler in test/fixtures/edge/handlers/rules.mjs breaks one rule (or none).

const handlersRoot = join(repoRoot, 'test/fixtures/edge/handlers');
const docsEvent = (trigger: Trigger): unknown => JSON.parse(readFileSync(join(repoRoot, 'test/fixtures/edge', `aws-docs-${trigger}.json`), 'utf8'));

interface Case {
  readonly handler: string;
  readonly trigger: Trigger;
  /** The rules broken, each with what the viewer (or the deploy) gets. */
  readonly expected: ReadonlyArray<readonly [rule: string, consequence: string]>;
  readonly config?: EdgeFunctionConfig;
}

const cases: readonly Case[] = [
  { handler: 'returnRequest', trigger: 'viewer-request', expected: [] },
  { handler: 'returnRequest', trigger: 'origin-request', expected: [] },
  { handler: 'returnResponse', trigger: 'origin-response', expected: [] },
  { handler: 'returnResponse', trigger: 'viewer-response', expected: [] },
  { handler: 'redirect', trigger: 'viewer-request', expected: [] },
  { handler: 'nothing', trigger: 'viewer-request', expected: [['result.not-an-object', '502 LambdaValidationError']] },
  { handler: 'wholeEvent', trigger: 'origin-request', expected: [['result.whole-event', '502 LambdaValidationError']] },
  { handler: 'changeClientIp', trigger: 'viewer-request', expected: [['result.read-only-field', '502 LambdaValidationError']] },
  { handler: 'uriWithoutSlash', trigger: 'viewer-request', expected: [['result.uri', '502 LambdaValidationError']] },
  { handler: 'spaceInQuery', trigger: 'origin-request', expected: [['result.querystring', '502 LambdaValidationError']] },
  { handler: 'longUri', trigger: 'viewer-request', expected: [['result.uri-length', '502 LambdaValidationError']] },
  { handler: 'queryNumber', trigger: 'viewer-request', expected: [['result.field-type', '502 LambdaValidationError']] },
  { handler: 'setHost', trigger: 'viewer-request', expected: [['result.read-only-header', '502 LambdaValidationError']] },
  { handler: 'setHost', trigger: 'origin-request', expected: [] },
  { handler: 'addXCache', trigger: 'viewer-request', expected: [['result.disallowed-header', '502 LambdaValidationError']] },
  { handler: 'addViewerCountry', trigger: 'viewer-request', expected: [['result.viewer-country-header', '502 LambdaValidationError']] },
  { handler: 'addViewerCountry', trigger: 'origin-request', expected: [] },
  { handler: 'headerWithoutArray', trigger: 'viewer-request', expected: [['result.header-shape', '502 LambdaValidationError']] },
  { handler: 'headerNumber', trigger: 'origin-request', expected: [['result.header-value', '502 LambdaValidationError']] },
  { handler: 'twoOrigins', trigger: 'origin-request', expected: [['result.origin', '502 LambdaValidationError']] },
  { handler: 'badOriginPort', trigger: 'origin-request', expected: [['result.origin', '502 LambdaValidationError']] },
  { handler: 'bodyNotBase64', trigger: 'viewer-request', expected: [['result.body', '502 LambdaValidationError']] },
  { handler: 'bodyChangedReadOnly', trigger: 'origin-request', expected: [['result.body-ignored', 'ignored']] },
  { handler: 'bodyTooLarge', trigger: 'viewer-request', expected: [['result.body-size', 'truncated']] },
  { handler: 'apiGatewayShape', trigger: 'viewer-request', expected: [['result.status', '502 LambdaValidationError']] },
  { handler: 'statusNumber', trigger: 'origin-request', expected: [['result.status', '502 LambdaValidationError']] },
  { handler: 'statusOutOfRange', trigger: 'origin-response', expected: [['result.status', '502 LambdaValidationError']] },
  { handler: 'changeStatus', trigger: 'viewer-response', expected: [['result.viewer-response-status', '502 LambdaValidationError']] },
  { handler: 'changeStatus', trigger: 'origin-response', expected: [] },
  { handler: 'noContentWithBody', trigger: 'viewer-request', expected: [['result.no-content-body', '502 LambdaValidationError']] },
  { handler: 'objectBody', trigger: 'origin-request', expected: [['result.body', '502 LambdaValidationError']] },
  { handler: 'largeResponse', trigger: 'viewer-request', expected: [['result.response-size', '502 LambdaValidationError']] },
  { handler: 'largeResponse', trigger: 'origin-request', expected: [] },
  { handler: 'addVia', trigger: 'origin-response', expected: [['result.read-only-header', '502 LambdaValidationError']] },
  { handler: 'returnRequest', trigger: 'origin-response', expected: [['result.wrong-kind', '502 LambdaValidationError']] },
  { handler: 'throws', trigger: 'viewer-request', expected: [['run.function-error', '503 LambdaExecutionError']] },
  { handler: 'hangs', trigger: 'origin-request', config: { timeoutSeconds: 1 }, expected: [['run.timeout', '503 LambdaLimitExceeded']] },
  { handler: 'returnRequest', trigger: 'viewer-request', config: { memoryMB: 256, environment: { STAGE: 'prod' } }, expected: [['run.memory-setting', 'deploy fails: InvalidLambdaFunctionAssociation'], ['run.environment', 'deploy fails: InvalidLambdaFunctionAssociation']] },
];

describe('edge: CloudFront\'s verdict on handlers run by the local runtime', () => {
  for (const c of cases) {
    it(`${c.handler} in ${c.trigger}: ${c.expected.length ? c.expected.map(([rule]) => rule).join(', ') : 'accepted'}`, async () => {
      const event = docsEvent(c.trigger);
      const options = {
        root: handlersRoot,
        ...(c.config?.timeoutSeconds !== undefined ? { timeoutSeconds: c.config.timeoutSeconds } : {}),
        ...(c.config?.memoryMB !== undefined ? { memoryMB: c.config.memoryMB } : {}),
        ...(c.config?.environment !== undefined ? { environment: c.config.environment } : {}),
      };
      await withFunction(`rules.${c.handler}`, options, async (h) => {
        const outcome = await h.invoke(event);
        const verdict = judgeInvoke(c.trigger, event, outcome, { timeoutSeconds: h.fn.config.timeoutSeconds, memoryMB: h.fn.config.memoryMB, environment: h.fn.config.environment });
        const broken = [...verdict.run, ...(verdict.result?.violations ?? [])].map((v) => [v.rule, describeConsequence(v.consequence)]);
        assert.deepEqual(broken, c.expected, `${outcome.status}: ${outcome.payload.slice(0, 300)}\n${h.log}`);
      });
    });
  }
});

describe('edge: lambda-workbench invoke with a CloudFront event', () => {
  const run = (...args: string[]) => spawnSync(process.execPath, [cliScript, ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 20_000 });

  it('prints the result, then CloudFront\'s verdict, and exits 1 when CloudFront would answer 502', () => {
    const folder = mkdtempSync(join(tmpdir(), 'lw-edge-'));
    try {
      const eventFile = join(folder, 'assets.json');
      const event = docsEvent('viewer-request') as { Records: Array<{ cf: { request: { uri: string } } }> };
      const record = event.Records[0];
      assert.ok(record);
      record.cf.request.uri = '/assets/logo.svg';
      writeFileSync(eventFile, JSON.stringify(event));
      const result = run('invoke', 'examples/edge/handlers/route-to-bucket.handler', '--event', eventFile);
      assert.equal(result.status, 1, result.stderr);
      assert.equal((JSON.parse(result.stdout) as { headers: { host: Array<{ value: string }> } }).headers.host[0]?.value, 'amzn-s3-demo-bucket.s3.us-east-1.amazonaws.com');
      assert.match(result.stderr, /CloudFront would answer 502 \(LambdaValidationError\) to this viewer-request function\.\n {2}502 LambdaValidationError result\.read-only-header at headers\.host: The function changes "host"/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('says CloudFront accepts a good result, and exits 0', () => {
    const result = run('invoke', 'examples/edge/handlers/security-headers.handler', '--event', 'examples/edge/events/viewer-response-s3.json');
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /CloudFront accepts this viewer-response result \(return-response\)\.\n$/);
  });

  it('says why no verdict was made for a CloudFront event without config', () => {
    const folder = mkdtempSync(join(tmpdir(), 'lw-edge-'));
    try {
      const eventFile = join(folder, 'no-config.json');
      const event = docsEvent('viewer-response') as { Records: Array<{ cf: Record<string, unknown> }> };
      delete event.Records[0]?.cf['config'];
      writeFileSync(eventFile, JSON.stringify(event));
      const result = run('invoke', 'examples/edge/handlers/security-headers.handler', '--event', eventFile);
      assert.equal(result.status, 0, result.stderr);
      assert.match(result.stderr, /No CloudFront verdict: the event has no config, so the trigger, and with it CloudFront's rules, is unknown\./);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('adds nothing for an event that is not CloudFront\'s', () => {
    const result = run('invoke', 'examples/edge/handlers/security-headers.handler', '--event', 'examples/iam/lambda-basic-execution.json');
    assert.doesNotMatch(result.stderr, /CloudFront/);
  });
});

describe('edge: lambda-workbench edge simulate', () => {
  const run = (cwd: string, ...args: string[]) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((done) => {
      const child = spawn(process.execPath, [cliScript, 'edge', 'simulate', ...args], { cwd });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('close', (status) => done({ status, stdout, stderr }));
    });
  let folder = '';
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'lw-edge-chain-'));
    writeFileSync(join(folder, 'rules.mjs'), readFileSync(join(handlersRoot, 'rules.mjs')));
    writeFileSync(join(folder, 'viewer-request.json'), JSON.stringify(docsEvent('viewer-request')));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));
  const config = (edge: object) => writeFileSync(join(folder, 'lambda-workbench.json'), JSON.stringify({ edge }));

  it('runs the example chain with its fixed origin response', async () => {
    const result = await run(repoRoot, 'examples/edge/events/viewer-request-docs.json', '--config', 'examples/edge/lambda-workbench.json');
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, [
      'viewer-request (handlers/pretty-urls.handler):',
      '  CloudFront accepts this viewer-request result (forward-request).',
      'origin-request: not run: no function is associated with this trigger',
      'origin: GET /docs/index.html answered 200 OK (the fixed response of amzn-s3-demo-bucket.s3.us-east-1.amazonaws.com)',
      'origin-response: not run: no function is associated with this trigger',
      'viewer-response (handlers/security-headers.handler):',
      '  CloudFront accepts this viewer-response result (return-response).',
      'The viewer gets 200 OK.',
      '',
    ].join('\n'));
  });

  it('asks an origin on this machine as CloudFront would, and the viewer gets its body', async () => {
    const seen: Array<{ method?: string; url?: string; forwardedFor?: string | string[] }> = [];
    const server = createServer((req, res) => {
      seen.push({ ...(req.method ? { method: req.method } : {}), ...(req.url ? { url: req.url } : {}), ...(req.headers['x-forwarded-for'] ? { forwardedFor: req.headers['x-forwarded-for'] } : {}) });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('from the origin');
    });
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    try {
      const { port } = server.address() as AddressInfo;
      config({ 'origin-request': 'rules.setHost', 'origin-response': 'rules.returnResponse', origin: { domainName: 'www.example.org', url: `http://127.0.0.1:${port}` } });
      const result = await run(folder, 'viewer-request.json', '--format', 'json');
      assert.equal(result.status, 0, result.stderr);
      const report = JSON.parse(result.stdout) as { steps: Array<{ trigger: string; ran: boolean }>; viewerResponse: { status: string; body?: string } };
      assert.deepEqual(report.steps.map((s) => `${s.trigger}:${s.ran}`), ['viewer-request:false', 'origin-request:true', 'origin:true', 'origin-response:true', 'viewer-response:false']);
      assert.deepEqual(seen, [{ method: 'GET', url: '/', forwardedFor: '203.0.113.178' }]);
      assert.equal(report.viewerResponse.status, '200');
      assert.equal(report.viewerResponse.body, 'from the origin');
    } finally {
      server.close();
    }
  });

  it('ends the chain with the 502 a rejected result gives the viewer, and exits 1', async () => {
    config({ 'viewer-request': 'rules.setHost', origin: { response: { status: '200', headers: {} } } });
    const result = await run(folder, 'viewer-request.json');
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stdout, /^viewer-request \(rules\.setHost\):\n {2}CloudFront would answer 502 \(LambdaValidationError\) to this viewer-request function\.\n {4}502 LambdaValidationError result\.read-only-header at headers\.host/);
    assert.match(result.stdout, /The viewer gets 502 Bad Gateway\.\n$/);
  });

  it('says what is wrong with the workspace file', async () => {
    config({ 'viewer_request': 'rules.setHost', origin: { url: 'http://example.com' } });
    const result = await run(folder, 'viewer-request.json');
    assert.equal(result.status, 2);
    assert.match(result.stderr, /edge\.viewer_request is neither a trigger/);
    assert.match(result.stderr, /edge\.origin\.url must point at this machine \(localhost, 127\.0\.0\.1 or \[::1\]\), not example\.com/);
  });
});
