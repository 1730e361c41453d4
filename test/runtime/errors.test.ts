import assert from 'node:assert/strict';
import { join } from 'node:path';
import { parsed, repoRoot, withFunction } from './harness';

interface ErrorCase {
  readonly name: string;
  readonly handler: string;
  readonly event?: unknown;
  readonly errorType: string;
  /** The exact errorMessage, or a pattern; `{id}` stands for the request id. */
  readonly message: string | RegExp;
  /** The first trace line, when the error has a trace. */
  readonly trace0?: string | RegExp;
  /** The second trace line: where in the user's code, for errors Lambda places nowhere (syntax errors). */
  readonly trace1?: RegExp;
  readonly options?: { timeoutSeconds?: number; environment?: Record<string, string>; root?: string };
  /** True when the environment survives the error (the process keeps running). */
  readonly warm: boolean;
}

const cases: readonly ErrorCase[] = [
  { name: 'a thrown error', handler: 'errors.throws', errorType: 'ValidationError', message: 'name is required', trace0: 'ValidationError: name is required', warm: true },
  { name: 'a synchronous throw', handler: 'errors.throwsSync', errorType: 'Error', message: 'thrown synchronously', trace0: 'Error: thrown synchronously', warm: true },
  { name: 'a rejected promise', handler: 'errors.rejects', errorType: 'Error', message: 'rejected promise', warm: true },
  { name: 'an error named in Cyrillic (no header can carry it)', handler: 'errors.unicodeName', errorType: 'ОшибкаПроверки', message: 'имя обязательно', trace0: 'ОшибкаПроверки: имя обязательно', warm: true },
  { name: 'a thrown string', handler: 'errors.rejectsString', errorType: 'string', message: 'just a string', warm: true },
  { name: 'a callback error', handler: 'callback.fails', errorType: 'TypeError', message: 'bad input', trace0: 'TypeError: bad input', warm: true },
  { name: 'an unknown export', handler: 'cjs.nope', errorType: 'Runtime.HandlerNotFound', message: 'cjs.nope is undefined or not exported', trace0: 'Runtime.HandlerNotFound: cjs.nope is undefined or not exported', warm: false },
  { name: 'an export that is not a function', handler: 'cjs.notAFunction', errorType: 'Runtime.HandlerNotFound', message: 'cjs.notAFunction is not a function', warm: false },
  { name: 'a malformed handler string', handler: 'index', errorType: 'Runtime.MalformedHandlerName', message: 'Bad handler', warm: false },
  { name: 'a missing module', handler: 'nothere.handler', errorType: 'Runtime.ImportModuleError', message: /^Error: Cannot find module 'nothere'\nRequire stack:\n- /, warm: false },
  { name: 'a missing dependency', handler: 'missing-dependency.handler', errorType: 'Runtime.ImportModuleError', message: /^Error: Cannot find module 'a-package-that-is-not-installed'/, warm: false },
  { name: 'a syntax error in the module', handler: 'syntax-error.handler', errorType: 'Runtime.UserCodeSyntaxError', message: "SyntaxError: Unexpected token ';'", trace0: "Runtime.UserCodeSyntaxError: SyntaxError: Unexpected token ';'", trace1: /^ {4}at \/.*\/examples\/handlers\/syntax-error\.js:2:21$/, warm: false },
  { name: 'a syntax error in an ES module', handler: 'syntax-error-esm.handler', errorType: 'Runtime.UserCodeSyntaxError', message: "SyntaxError: Unexpected token ';'", trace0: "Runtime.UserCodeSyntaxError: SyntaxError: Unexpected token ';'", trace1: /^ {4}at \/.*\/examples\/handlers\/syntax-error-esm\.mjs:2:21$/, warm: false },
  { name: 'a syntax error two ES module imports away', handler: 'index.handler', options: { root: join(repoRoot, 'test/fixtures/runtime/esm-graph') }, errorType: 'Runtime.UserCodeSyntaxError', message: "SyntaxError: Unexpected token ';'", trace1: /^ {4}at \/.*\/esm-graph\/lib\/shout\.mjs:2:27$/, warm: false },
  { name: 'a TypeScript syntax error', handler: 'typescript/broken.handler', errorType: 'Runtime.UserCodeSyntaxError', message: /^SyntaxError: Transform failed with 1 error:\n.*broken\.ts:2:28: ERROR: Expected "}" but found ";"$/, warm: false },
  { name: 'an uncaught exception outside the handler', handler: 'errors.uncaught', errorType: 'Error', message: 'thrown from a timer', warm: false },
  { name: 'an unhandled rejection', handler: 'errors.unhandledRejection', errorType: 'Runtime.UnhandledPromiseRejection', message: 'Error: nobody handles me', warm: false },
  { name: 'an async handler whose promise never settles', handler: 'slow.neverSettles', errorType: 'Runtime.NodeJsExit', message: /^The Lambda runtime client detected an unexpected Node.js exit code/, warm: true },
  { name: 'an unserializable result', handler: 'errors.circular', errorType: 'Error', message: /^Unable to stringify response body: TypeError: Converting circular structure to JSON/, warm: true },
  { name: 'process.exit in the handler', handler: 'exits.handler', errorType: 'Runtime.ExitError', message: 'RequestId: {id} Error: Runtime exited with error: exit status 1', warm: false },
  { name: 'process.exit during Init', handler: 'exits.handler', options: { environment: { EXIT_DURING_INIT: '1' } }, errorType: 'Runtime.ExitError', message: 'RequestId: {id} Error: Runtime exited with error: exit status 3', warm: false },
  { name: 'running out of heap', handler: 'memory.handler', options: { timeoutSeconds: 30 }, errorType: 'Runtime.OutOfMemory', message: 'RequestId: {id} Error: Runtime exited with error: signal: aborted', warm: false },
  { name: 'an infinite loop', handler: 'slow.spin', options: { timeoutSeconds: 1 }, errorType: 'Sandbox.Timedout', message: 'RequestId: {id} Error: Task timed out after 1.00 seconds', warm: false },
  { name: 'a handler that never calls back and keeps the loop busy', handler: 'slow.neverCallsBackBusy', options: { timeoutSeconds: 1 }, errorType: 'Sandbox.Timedout', message: 'RequestId: {id} Error: Task timed out after 1.00 seconds', warm: false },
];

describe('runtime: errors as Lambda returns them (real processes)', function () {
  this.timeout(30_000);

  for (const c of cases) {
    it(`${c.name}: ${c.errorType}, and the next invoke works`, () =>
      withFunction(c.handler, c.options ?? {}, async (h) => {
        for (const attempt of [1, 2]) {
          const result = await h.invoke(c.event ?? {});
          assert.equal(result.status, 'function-error', `attempt ${attempt}: ${result.payload}`);
          assert.equal(result.errorType, c.errorType);
          const body = parsed(result);
          assert.equal(body['errorType'], c.errorType);
          const message = typeof c.message === 'string' ? c.message.replace('{id}', result.requestId) : c.message;
          if (typeof message === 'string') assert.equal(body['errorMessage'], message);
          else assert.match(String(body['errorMessage']), message);
          if (c.trace0 !== undefined) {
            const first = (body['trace'] as string[])[0] ?? '';
            if (typeof c.trace0 === 'string') assert.equal(first, c.trace0);
            else assert.match(first, c.trace0);
          }
          if (c.trace1 !== undefined) assert.match((body['trace'] as string[])[1] ?? '', c.trace1);
        }
        // A surviving environment served both invokes; a dead one was replaced each time.
        assert.equal(h.pids.size, c.warm ? 1 : 2, `processes started: ${[...h.pids].join(', ')}`);
      }));
  }

  it('recovers after each kind of crash: the next invoke in the same function succeeds', () =>
    withFunction('on-demand.handler', { timeoutSeconds: 1 }, async (h) => {
      for (const event of [{ do: 'exit', code: 2 }, { do: 'spin' }, { do: 'oom' }, { do: 'uncaught' }, { do: 'throw' }]) {
        const failed = await h.invoke(event);
        assert.equal(failed.status, 'function-error', JSON.stringify(event));
        const next = await h.invoke();
        assert.equal(next.status, 'success', `after ${JSON.stringify(event)}: ${next.payload}`);
      }
    }));

  it('logs the error as Lambda\'s runtime does, with Invoke Error and the platform lines', () =>
    withFunction('exits.handler', {}, async (h) => {
      const result = await h.invoke();
      const id = result.requestId;
      assert.match(h.log, new RegExp(`START RequestId: ${id} Version: \\$LATEST\\nRequestId: ${id} Error: Runtime exited with error: exit status 1\\nRuntime.ExitError\\nEND RequestId: ${id}\\nREPORT RequestId: ${id}\\t.*\\tStatus: error\\tError Type: Runtime.ExitError\\t\\n$`));
    }));

  it('reports running out of heap as Runtime.OutOfMemory in the REPORT line, with memory used at the memory size', () =>
    withFunction('memory.handler', { timeoutSeconds: 30 }, async (h) => {
      const result = await h.invoke();
      assert.match(h.log, new RegExp(`REPORT RequestId: ${result.requestId}\t.*\tMemory Size: 128 MB\tMax Memory Used: 128 MB\t.*Status: error\tError Type: Runtime.OutOfMemory\t\n`));
      assert.match(h.log, /JavaScript heap out of memory/);
    }));

  it('logs Init failures with INIT_REPORT before START', () =>
    withFunction('cjs.nope', {}, async (h) => {
      const result = await h.invoke();
      assert.match(h.log, /\tundefined\tERROR\tUncaught Exception \t\{"errorType":"Runtime.HandlerNotFound","errorMessage":"cjs.nope is undefined or not exported"/);
      assert.match(h.log, new RegExp(`\\nINIT_REPORT Init Duration: [\\d.]+ ms\\tPhase: init\\tStatus: error\\tError Type: Runtime.HandlerNotFound\\nSTART RequestId: ${result.requestId}`));
    }));

  it("shows the handler's frame first in a trace, the runtime's call right under it", () =>
    withFunction('errors.throwsSync', {}, async (h) => {
      const trace = (parsed(await h.invoke())['trace'] as string[]).slice(1, 3);
      assert.match(trace[0] ?? '', /^ {4}at exports\.throwsSync \(.*errors\.js:\d+:\d+\)$/);
      assert.match(trace[1] ?? '', /^ {4}at runInvoke \(.*runtime-bootstrap\.js:\d+:\d+\)$/, 'no promise executor frames in between');
    }));
});
