// A CommonJS handler: echoes what it was given, as seen from inside the environment.
exports.handler = async (event, context) => {
  console.log('event received', JSON.stringify(event));
  return {
    event,
    context: {
      awsRequestId: context.awsRequestId,
      functionName: context.functionName,
      functionVersion: context.functionVersion,
      invokedFunctionArn: context.invokedFunctionArn,
      memoryLimitInMB: context.memoryLimitInMB,
      logGroupName: context.logGroupName,
      logStreamName: context.logStreamName,
      remainingTimeInMillis: context.getRemainingTimeInMillis(),
      callbackWaitsForEmptyEventLoop: context.callbackWaitsForEmptyEventLoop,
      clientContext: context.clientContext,
      identity: context.identity,
    },
    env: {
      handler: process.env._HANDLER,
      taskRoot: process.env.LAMBDA_TASK_ROOT,
      runtimeApi: process.env.AWS_LAMBDA_RUNTIME_API,
      region: process.env.AWS_REGION,
      tz: process.env.TZ,
      traceId: process.env._X_AMZN_TRACE_ID,
      greeting: process.env.GREETING,
      stage: process.env.STAGE,
      cwd: process.cwd(),
      pid: process.pid,
      heapLimitMB: Math.round(require('v8').getHeapStatistics().heap_size_limit / 1048576),
    },
  };
};

// A nested export path: handler string "cjs.nested.handler".
module.exports.nested = { handler: async () => 'nested' };

module.exports.notAFunction = 42;
