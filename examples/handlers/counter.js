// Module state lives as long as the execution environment: warm invokes see it.
let invocations = 0;
const startedAt = Date.now();

exports.handler = async () => {
  invocations += 1;
  return { invocations, pid: process.pid, startedAt };
};
