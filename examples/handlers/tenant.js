// Tenant isolation: who is asking, and where. The context's keys, its tenantId
// (Invoke's TenantId; lambda-workbench invoke --tenant-id) and the process,
// which is never shared between tenants.
exports.handler = async (event, context) => {
  console.log('tenant', context.tenantId);
  return { keys: Object.keys(context), tenantId: context.tenantId ?? null, pid: process.pid };
};
