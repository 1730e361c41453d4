import assert from 'node:assert/strict';
import { main } from '../../../server/src/cli/main';
import { createLanguageService } from '../../../server/src/language/service';

/** Runs the CLI in-process and collects what it prints. */
async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe('lambda-workbench edge event', () => {
  it('prints an event for the trigger that passes check', async () => {
    const { code, stdout, stderr } = await run('edge', 'event', 'origin-request', '--origin', 's3');
    assert.equal(code, 0, stderr);
    const event = JSON.parse(stdout) as { Records: Array<{ cf: { config: { eventType: string }; request: { origin: object } } }> };
    assert.equal(event.Records[0]?.cf.config.eventType, 'origin-request');
    assert.deepEqual(Object.keys(event.Records[0]?.cf.request.origin ?? {}), ['s3']);
    assert.deepEqual(createLanguageService().analyze(stdout).findings, []);
  });

  it('takes the method, uri and body', async () => {
    const { stdout } = await run('edge', 'event', 'viewer-request', '--method', 'put', '--uri', '/api/items?id=7', '--body', '{"a":1}');
    const request = (JSON.parse(stdout) as { Records: Array<{ cf: { request: Record<string, unknown> } }> }).Records[0]?.cf.request;
    assert.equal(request?.['method'], 'PUT');
    assert.equal(request?.['uri'], '/api/items');
    assert.equal(request?.['querystring'], 'id=7');
    assert.ok(request?.['body']);
  });

  it('rejects an unknown trigger with usage', async () => {
    const { code, stderr } = await run('edge', 'event', 'viewer_request');
    assert.equal(code, 2);
    assert.match(stderr, /"viewer_request" is not a trigger: viewer-request, origin-request, origin-response, viewer-response/);
    assert.match(stderr, /Usage: lambda-workbench edge event TRIGGER/);
  });

  it('rejects an unknown origin type', async () => {
    const { code, stderr } = await run('edge', 'event', 'origin-request', '--origin', 'alb');
    assert.equal(code, 2);
    assert.match(stderr, /--origin must be s3 or custom \(got "alb"\)/);
  });

  it('needs a subcommand', async () => {
    const { code, stderr } = await run('edge');
    assert.equal(code, 2);
    assert.match(stderr, /edge needs a subcommand/);
  });
});
