import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Hover } from 'vscode-languageserver-protocol';
import type { RouteTrace } from '../../server/src/alb/routing/route';
import { albSimulateRequest, type AlbSimulateParams, type AlbSimulateResult } from '../../server/src/lsp/protocol';
import { serverPerTest } from './lsp-client';

const examples = join(__dirname, '..', '..', '..', 'examples', 'alb');
const rules = readFileSync(join(examples, 'describe-rules.json'), 'utf8');
const template = readFileSync(join(examples, 'listener-rules.cfn.json'), 'utf8');

function traceOf(result: AlbSimulateResult): RouteTrace {
  assert.ok('simulation' in result && result.simulation.kind === 'trace', JSON.stringify(result));
  return result.simulation.trace;
}

describe('language server: ALB rules', () => {
  const server = serverPerTest();


  it('publishes the ALB findings of a template, shadowed rule included', async () => {
    await server().open('file:///alb.cfn.json', template);
    const diagnostics = await server().waitForDiagnostics('file:///alb.cfn.json', 1);
    const shadowed = diagnostics.find((d) => d.code === 'alb.shadowed-rule');
    assert.ok(shadowed, JSON.stringify(diagnostics));
    assert.match(typeof shadowed.message === 'string' ? shadowed.message : shadowed.message.value, /^Rule LegacyImagesRule \(priority 40\) can never match: rule ImagesRule \(priority 30\) comes first/);
    assert.equal(shadowed.severity, 2);
  });

  it('routes a request through the rules as typed, and again after an edit', async () => {
    const uri = 'file:///rules.json';
    await server().open(uri, rules);
    const params: AlbSimulateParams = { uri, request: { method: 'GET', url: 'https://example.com/img/1.png' }, options: {} };
    const first = await server().request<AlbSimulateResult>(albSimulateRequest, params);
    assert.equal(first.version, 1);
    const trace = traceOf(first);
    assert.equal(trace.winner, 1);
    assert.deepEqual(trace.response, { status: 301, headers: [{ name: 'Location', value: 'https://cdn.example.com:443/img/1.png' }], body: '' });
    // The rule's range is an offset into the text as sent, for the client to reveal it.
    const winner = trace.rules[1];
    assert.ok(winner);
    assert.equal(rules.slice(winner.range.offset, winner.range.offset + 20), '{\n      "Priority": ');

    await server().change(uri, rules.replace('"/img/*"', '"/images/*"'), 2);
    const second = await server().request<AlbSimulateResult>(albSimulateRequest, params);
    assert.equal(second.version, 2);
    assert.equal(traceOf(second).winner, 2);
    assert.equal(traceOf(second).response?.status, 404);
  });

  it('honours the routing options the client sends', async () => {
    const uri = 'file:///hosts.json';
    await server().open(uri, JSON.stringify({ Rules: [{ Priority: '1', Conditions: [{ Field: 'host-header', Values: ['example.com'] }], Actions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '200' } }] }] }));
    const request = { method: 'GET', url: 'https://example.com:8443/' };
    assert.equal(traceOf(await server().request(albSimulateRequest, { uri, request, options: {} })).winner, undefined);
    assert.equal(traceOf(await server().request(albSimulateRequest, { uri, request, options: { hostHeaderPort: 'ignore' } })).winner, 0);
  });

  it('says what is wrong with a request, and with a document that is not open', async () => {
    await server().open('file:///rules.json', rules);
    const bad = await server().request<AlbSimulateResult>(albSimulateRequest, { uri: 'file:///rules.json', request: { method: 'GET', url: 'example.com' }, options: {} });
    assert.deepEqual(bad, { version: 1, requestProblem: { part: 'url', message: '"example.com" is not an http:// or https:// URL' } });
    const closed = await server().request<AlbSimulateResult>(albSimulateRequest, { uri: 'file:///nope.json', request: { method: 'GET', url: 'https://e.com/' }, options: {} });
    assert.deepEqual(closed, { version: -1, simulation: { kind: 'problem', message: 'the document is not open in the editor' } });
  });

  it('hovers on a redirect placeholder', async () => {
    const uri = 'file:///rules.json';
    await server().open(uri, rules);
    const line = rules.split('\n').findIndex((l) => l.includes('cdn.#{host}'));
    const character = (rules.split('\n')[line] ?? '').indexOf('#{host}') + 2;
    const hover = await server().request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character } });
    assert.ok(hover && typeof hover.contents === 'object' && 'value' in hover.contents);
    assert.match(hover.contents.value, /^\*\*#\{host\}\*\*\n\nThe request's host name, without the port/);
  });
});
