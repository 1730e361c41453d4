// Does what the event asks, so one environment can fail in a chosen way and the next invoke can show it recovered.
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

exports.handler = async (event) => {
  switch (event.do) {
    case 'exit':
      process.exit(event.code ?? 1);
    case 'spin':
      for (;;) {
        // only the timeout ends this
      }
    case 'oom': {
      const hoard = [];
      for (;;) hoard.push(new Array(1_000_000).fill(Math.random()));
    }
    case 'throw':
      throw new Error(event.message ?? 'asked to throw');
    case 'uncaught':
      setTimeout(() => {
        throw new Error('thrown outside the handler');
      }, 1);
      await sleep(10_000);
      return 'not reached';
    case 'uncaughtLater':
      // Answers, then fails between invokes, while the runtime waits for the next event.
      setTimeout(() => {
        throw new Error('thrown after the response');
      }, 20);
      return { pid: process.pid };
    case 'sleep':
      console.log(`sleeping ${event.ms} ms`);
      await sleep(event.ms);
      return { slept: event.ms, pid: process.pid };
    case 'execArgv':
      return { execArgv: process.execArgv, pid: process.pid };
    case 'big':
      return 'x'.repeat(event.bytes);
    default:
      return { ok: true, pid: process.pid };
  }
};
