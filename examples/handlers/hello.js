// The smallest useful handler: an API Gateway-style response. The benchmarks invoke it.
exports.handler = async (event) => ({ statusCode: 200, body: JSON.stringify({ hello: event.name ?? 'world' }) });
