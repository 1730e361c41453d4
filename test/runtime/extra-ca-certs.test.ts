import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rootCertificates } from 'node:tls';
import { parsed, repoRoot, withFunction } from './harness';

const fixtures = join(repoRoot, 'test/runtime/fixtures/tls');
const testCa = readFileSync(join(fixtures, 'test-ca.pem'), 'latin1');

/** A handler that reports the CA file it was given and fetches an HTTPS URL signed by the test CA. */
const handlerSource = `
const { readFileSync } = require('node:fs');
const https = require('node:https');
exports.handler = async ({ url }) => {
  const file = process.env.NODE_EXTRA_CA_CERTS;
  const certificates = file === undefined ? null : (readFileSync(file, 'latin1').match(/BEGIN CERTIFICATE/g) ?? []).length;
  const fetched = await new Promise((resolve) => {
    https.get(url, (res) => { res.resume(); res.on('end', () => resolve(res.statusCode)); }).on('error', (error) => resolve(error.code ?? error.message));
  });
  return { file: file ?? null, certificates, fetched };
};`;

describe("runtime: the caller's NODE_EXTRA_CA_CERTS, reduced with the same trust (real processes, real TLS)", function () {
  this.timeout(20_000);
  let dir: string;
  let server: Server;
  let url: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lambda-workbench-ca-test-'));
    writeFileSync(join(dir, 'fetch.js'), handlerSource);
    server = createServer({ key: readFileSync(join(fixtures, 'server.key')), cert: readFileSync(join(fixtures, 'server.pem')) }, (_req, res) => res.end('ok'));
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    url = `https://localhost:${(server.address() as AddressInfo).port}/`;
  });

  after(() => {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function invokeWith(bundle: string | undefined, environment: Record<string, string> = {}): Promise<{ file: string | null; certificates: number | null; fetched: unknown }> {
    const file = join(dir, `bundle-${Math.random().toString(16).slice(2)}.pem`);
    if (bundle !== undefined) writeFileSync(file, bundle);
    let result: Record<string, unknown> = {};
    await withFunction('fetch.handler', { root: dir, environment, inheritedEnvironment: { PATH: process.env['PATH'], ...(bundle !== undefined ? { NODE_EXTRA_CA_CERTS: file } : {}) } }, async (h) => {
      const run = await h.invoke({ url });
      assert.equal(run.status, 'success', run.payload);
      result = parsed(run);
    });
    return result as { file: string | null; certificates: number | null; fetched: unknown };
  }

  it('without the variable the test CA is not trusted (the control)', async () => {
    const result = await invokeWith(undefined);
    assert.equal(result.file, null);
    assert.match(String(result.fetched), /UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED|UNABLE_TO_GET_ISSUER/);
  });

  it("a bundle of Node's roots plus the test CA: the environment gets the test CA alone, and trusts it", async () => {
    const result = await invokeWith(`${rootCertificates.slice(0, 5).join('\n')}\n${testCa}`);
    assert.equal(result.certificates, 1);
    assert.notEqual(result.file, null);
    assert.equal(result.fetched, 200);
  });

  it("a bundle of nothing but Node's roots: no variable at all", async () => {
    const result = await invokeWith(`${rootCertificates.slice(0, 5).join('\n')}\n`);
    assert.equal(result.file, null);
  });

  it("the function's own NODE_EXTRA_CA_CERTS is passed as set", async () => {
    const own = join(dir, 'own.pem');
    writeFileSync(own, `${rootCertificates[0]}\n${testCa}`);
    const result = await invokeWith(`${rootCertificates[0]}\n`, { NODE_EXTRA_CA_CERTS: own });
    assert.deepEqual([result.file, result.certificates, result.fetched], [own, 2, 200]);
  });
});
