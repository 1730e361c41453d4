// HelloFunction of ../template.yaml: its settings come from the template
// (Environment with Globals, Timeout, MemorySize), whether it runs from the
// template's Invoke lens or from the Invoke handler lens above this function.
export const handler = async (event, context) => {
  const message = `${process.env.GREETING}, ${event.name ?? 'world'}`;
  return {
    message,
    stage: process.env.STAGE,
    functionName: context.functionName,
    memoryLimitInMB: context.memoryLimitInMB,
    remainingTimeInMillis: context.getRemainingTimeInMillis(),
  };
};
