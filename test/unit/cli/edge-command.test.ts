import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli';
import { createWorkbenchService } from '../../../server/src/workbench';


describe('lambda-workbench edge event', () => {
  it('prints an event for the trigger that passes check', async () => {
    const { code, stdout, stderr } = await runCli('edge', 'event', 'origin-request', '--origin', 's3');
    assert.equal(code, 0, stderr);
    const event = JSON.parse(stdout) as { Records: Array<{ cf: { config: { eventType: string }; request: { origin: object } } }> };
    assert.equal(event.Records[0]?.cf.config.eventType, 'origin-request');
    assert.deepEqual(Object.keys(event.Records[0]?.cf.request.origin ?? {}), ['s3']);
    assert.deepEqual(createWorkbenchService().analyze(stdout).findings, []);
  });

  it('takes the method, uri and body', async () => {
    const { stdout } = await runCli('edge', 'event', 'viewer-request', '--method', 'put', '--uri', '/api/items?id=7', '--body', '{"a":1}');
    const request = (JSON.parse(stdout) as { Records: Array<{ cf: { request: Record<string, unknown> } }> }).Records[0]?.cf.request;
    assert.equal(request?.['method'], 'PUT');
    assert.equal(request?.['uri'], '/api/items');
    assert.equal(request?.['querystring'], 'id=7');
    assert.ok(request?.['body']);
  });

  it('rejects an unknown trigger with usage', async () => {
    const { code, stderr } = await runCli('edge', 'event', 'viewer_request');
    assert.equal(code, 2);
    assert.match(stderr, /"viewer_request" is not a trigger: viewer-request, origin-request, origin-response, viewer-response/);
    assert.match(stderr, /Usage: lambda-workbench edge event TRIGGER/);
  });

  it('rejects an unknown origin type', async () => {
    const { code, stderr } = await runCli('edge', 'event', 'origin-request', '--origin', 'alb');
    assert.equal(code, 2);
    assert.match(stderr, /--origin must be s3 or custom \(got "alb"\)/);
  });

  it('needs a subcommand', async () => {
    const { code, stderr } = await runCli('edge');
    assert.equal(code, 2);
    assert.match(stderr, /edge needs a subcommand/);
  });
});

describe('lambda-workbench edge check-result', () => {
  let folder = '';
  const file = (name: string, content: unknown) => {
    const path = join(folder, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
    return path;
  };
  before(() => (folder = mkdtempSync(join(tmpdir(), 'lw-edge-'))));
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('accepts a request returned unchanged, the trigger taken from the event', async () => {
    const { stdout: eventText } = await runCli('edge', 'event', 'viewer-request');
    const event = file('event.json', eventText);
    const result = file('result.json', (JSON.parse(eventText) as { Records: Array<{ cf: { request: unknown } }> }).Records[0]?.cf.request);
    const { code, stdout } = await runCli('edge', 'check-result', result, '--event', event);
    assert.equal(code, 0);
    assert.equal(stdout, 'CloudFront accepts this viewer-request result (forward-request).\n');
  });

  it('prints each violation at its place with what the viewer gets, and exits 1', async () => {
    const result = file('bad.json', '{\n  "status": "200",\n  "headers": {\n    "x-cache": [{ "value": "Hit" }]\n  }\n}\n');
    const { code, stdout } = await runCli('edge', 'check-result', result, '--trigger', 'viewer-request');
    assert.equal(code, 1);
    assert.equal(stdout.split('\n')[0], `${result}:4:5: 502 LambdaValidationError result.disallowed-header: "x-cache" is a disallowed header: CloudFront rejects a function that adds it.`);
    assert.match(stdout, /CloudFront would answer 502 \(LambdaValidationError\) for this viewer-request result\./);
    assert.match(stdout, /Not checked: read-only headers and fields/);
  });

  it('writes the verdict as JSON', async () => {
    const result = file('redirect.json', { status: '301', headers: { location: [{ value: 'https://example.com/' }] } });
    const { code, stdout } = await runCli('edge', 'check-result', result, '--trigger', 'origin-request', '--format', 'json');
    assert.equal(code, 0);
    assert.equal((JSON.parse(stdout) as { outcome: string }).outcome, 'generated-response');
  });

  it('needs a trigger from somewhere', async () => {
    const { code, stderr } = await runCli('edge', 'check-result', file('r.json', {}));
    assert.equal(code, 2);
    assert.match(stderr, /give --trigger, or --event/);
  });

  it('reports an event that is not JSON at its place', async () => {
    const event = file('broken.json', '{\n  "Records": [\n');
    const { code, stderr } = await runCli('edge', 'check-result', file('r2.json', {}), '--event', event);
    assert.equal(code, 2);
    assert.match(stderr, new RegExp(`${event.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:1: the event is not valid JSON`));
  });

  it('reports a missing result file', async () => {
    const { code, stderr } = await runCli('edge', 'check-result', join(folder, 'nope.json'), '--trigger', 'viewer-request');
    assert.equal(code, 2);
    assert.match(stderr, /nope\.json: no such file or directory/);
  });
});
