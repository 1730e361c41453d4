import assert from 'node:assert/strict';
import { RieEndpoint } from '../../server/src/runtime/rie-endpoint';
import { Harness, parsed, withFunction } from './harness';

interface TenantAnswer {
  readonly keys: string[];
  readonly tenantId: string | null;
  readonly pid: number;
}

/** Tenant isolation: each tenant's invokes run in environments of its own (real processes). */
describe('runtime: tenant isolation', function () {
  this.timeout(20_000);

  it("runs each tenant in environments of its own, never one that served another tenant or none", () =>
    withFunction('tenant.handler', {}, async (h) => {
      const ask = async (tenantId?: string) => parsed(await h.fn.invoke({ payload: '{}', ...(tenantId !== undefined ? { tenantId } : {}) })) as unknown as TenantAnswer;
      const blue = await ask('blue');
      const blueAgain = await ask('blue');
      const green = await ask('green');
      const none = await ask();
      assert.deepEqual([blue.tenantId, green.tenantId, none.tenantId], ['blue', 'green', null]);
      assert.equal(blueAgain.pid, blue.pid, 'a tenant reuses its own warm environment');
      assert.equal(new Set([blue.pid, green.pid, none.pid]).size, 3, 'one environment per tenant');
      assert.ok(blue.keys.includes('tenantId') && none.keys.includes('tenantId'), 'the context always has the key, as Lambda gives it');
    }));

  it('makes room at the concurrency limit by ending an idle environment of another tenant', () =>
    withFunction('tenant.handler', { reservedConcurrency: 1 }, async (h) => {
      const blue = await h.fn.invoke({ payload: '{}', tenantId: 'blue' });
      const green = await h.fn.invoke({ payload: '{}', tenantId: 'green' });
      assert.deepEqual([blue.status, green.status], ['success', 'success']);
      assert.notEqual((parsed(blue) as unknown as TenantAnswer).pid, (parsed(green) as unknown as TenantAnswer).pid);
    }));

  it('names the tenant in JSON log lines', () =>
    withFunction('tenant.handler', { environment: { AWS_LAMBDA_LOG_FORMAT: 'JSON' } }, async (h) => {
      await h.fn.invoke({ payload: '{}', tenantId: 'blue' });
      const line = h.log.split('\n').find((l) => l.includes('"message":"tenant blue"'));
      assert.ok(line, h.log);
      assert.equal((JSON.parse(line) as { tenantId?: string }).tenantId, 'blue');
    }));

  it("takes the tenant from Invoke's X-Amz-Tenant-Id header on the RIE endpoint", async () => {
    const harness = new Harness('tenant.handler');
    const endpoint = await RieEndpoint.start(harness.fn, 0);
    try {
      const response = await fetch(endpoint.url, { method: 'POST', body: '{}', headers: { 'X-Amz-Tenant-Id': 'blue' } });
      assert.equal(((await response.json()) as TenantAnswer).tenantId, 'blue');
    } finally {
      await endpoint.close();
      await harness.close();
    }
  });
});
