// Handlers that never finish in time, and ones that never report a result.
exports.spin = async () => {
  for (;;) {
    // an infinite loop: only the timeout ends it
  }
};

exports.sleep = async (event) => {
  console.log('sleeping', event.ms);
  await new Promise((resolve) => setTimeout(resolve, event.ms));
  return { slept: event.ms, pid: process.pid };
};

// The time left before and after a sleep, as context.getRemainingTimeInMillis() tells it.
exports.remaining = async (event, context) => {
  const before = context.getRemainingTimeInMillis();
  await new Promise((resolve) => setTimeout(resolve, event.ms));
  const ours = Object.keys(process.env).filter((name) => name.startsWith('LAMBDA_WORKBENCH'));
  return { before, after: context.getRemainingTimeInMillis(), ours };
};

// An async handler whose promise never settles and leaves nothing pending: Runtime.NodeJsExit.
exports.neverSettles = async () => new Promise(() => {});

// A sync handler that never calls back: Lambda answers null once the event loop is empty.
exports.neverCallsBack = (event, context, callback) => {};

// Never calls back and keeps the loop busy: only the timeout ends it.
exports.neverCallsBackBusy = (event, context, callback) => {
  setInterval(() => {}, 1000);
};

// Logs every 10 ms until the timeout: its output pipe breaks when its owner dies.
exports.chatty = async () => {
  for (;;) {
    console.log('still here');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};
