import assert from 'node:assert/strict';
import { errorNotice, type ErrorNotice } from '../../../server/src/runtime/error-notice';

// Error bodies as the local runtime returned them for the example handlers, paths moved to /app.
const runtimeDir = '/ext/dist';
const isRuntime = (file: string) => file.startsWith(runtimeDir);
const at = (frame: string) => `    at ${frame}`;

interface Case {
  readonly name: string;
  readonly handler: string;
  readonly file: string;
  readonly errorType?: string;
  readonly body: unknown;
  /** The notice; its `summary` is the message without the handler. */
  readonly expected: Omit<ErrorNotice, 'summary'>;
}

const cases: readonly Case[] = [
  {
    name: 'a thrown error: the frame in the handler\'s file, not the runtime\'s',
    handler: 'errors.throws',
    file: '/app/errors.js',
    errorType: 'ValidationError',
    body: { errorType: 'ValidationError', errorMessage: 'name is required', trace: ['ValidationError: name is required', at('exports.throws (/app/errors.js:11:9)'), at(`${runtimeDir}/runtime-bootstrap.js:207:22`), at('new Promise (<anonymous>)')] },
    expected: { message: 'errors.throws: ValidationError: name is required', frame: { file: '/app/errors.js', line: 11, column: 9 }, goTo: 'Go to errors.js:11', location: '/app/errors.js:11:9' },
  },
  {
    name: 'an error thrown in a helper the handler called: the handler\'s own frame first',
    handler: 'src/index.handler',
    file: '/app/src/index.js',
    errorType: 'TypeError',
    body: { errorType: 'TypeError', errorMessage: "Cannot read properties of undefined (reading 'id')", trace: ['TypeError: x', at('parse (/app/src/parse.js:3:17)'), at('exports.handler (/app/src/index.js:8:10)')] },
    expected: { message: "src/index.handler: TypeError: Cannot read properties of undefined (reading 'id')", frame: { file: '/app/src/index.js', line: 8, column: 10 }, goTo: 'Go to index.js:8', location: '/app/src/index.js:8:10' },
  },
  {
    name: 'an error from a dependency only: the first frame outside node_modules',
    handler: 'index.handler',
    file: '/app/index.js',
    errorType: 'Error',
    body: { errorType: 'Error', errorMessage: 'boom', trace: ['Error: boom', at('lib (/app/node_modules/dep/index.js:1:1)'), at('call (/app/lib/call.js:4:2)')] },
    expected: { message: 'index.handler: Error: boom', frame: { file: '/app/lib/call.js', line: 4, column: 2 }, goTo: 'Go to call.js:4', location: '/app/lib/call.js:4:2' },
  },
  {
    name: 'an ES module: a file URL',
    handler: 'esm.handler',
    file: '/app/esm.mjs',
    errorType: 'Error',
    body: { errorType: 'Error', errorMessage: 'from esm', trace: ['Error: from esm', at('handler (file:///app/esm.mjs:5:9)')] },
    expected: { message: 'esm.handler: Error: from esm', frame: { file: '/app/esm.mjs', line: 5, column: 9 }, goTo: 'Go to esm.mjs:5', location: '/app/esm.mjs:5:9' },
  },
  {
    name: 'a TypeScript syntax error: the place esbuild names in the message; the first message line only',
    handler: 'typescript/broken.handler',
    file: '/app/typescript/broken.ts',
    errorType: 'Runtime.UserCodeSyntaxError',
    body: {
      errorType: 'Runtime.UserCodeSyntaxError',
      errorMessage: 'SyntaxError: Transform failed with 1 error:\n/app/typescript/broken.ts:2:28: ERROR: Expected "}" but found ";"',
      trace: ['Runtime.UserCodeSyntaxError: SyntaxError: Transform failed with 1 error:', '/app/typescript/broken.ts:2:28: ERROR: Expected "}" but found ";"', at(`asLoadError (${runtimeDir}/runtime-bootstrap.js:340:44)`)],
    },
    expected: { message: 'typescript/broken.handler: Runtime.UserCodeSyntaxError: SyntaxError: Transform failed with 1 error:', frame: { file: '/app/typescript/broken.ts', line: 2, column: 28 }, goTo: 'Go to broken.ts:2', location: '/app/typescript/broken.ts:2:28' },
  },
  {
    name: 'a JavaScript syntax error: the place the runtime puts first in the trace',
    handler: 'syntax-error.handler',
    file: '/app/syntax-error.js',
    errorType: 'Runtime.UserCodeSyntaxError',
    body: { errorType: 'Runtime.UserCodeSyntaxError', errorMessage: "SyntaxError: Unexpected token ';'", trace: ["Runtime.UserCodeSyntaxError: SyntaxError: Unexpected token ';'", at('/app/syntax-error.js:2:21'), at(`userCodeSyntaxError (${runtimeDir}/runtime-bootstrap.js:644:19)`)] },
    expected: { message: "syntax-error.handler: Runtime.UserCodeSyntaxError: SyntaxError: Unexpected token ';'", frame: { file: '/app/syntax-error.js', line: 2, column: 21 }, goTo: 'Go to syntax-error.js:2', location: '/app/syntax-error.js:2:21' },
  },
  {
    name: 'a Python traceback: the innermost frame in the handler\'s file, past site-packages and the runtime',
    handler: 'app.handler',
    file: '/app/app.py',
    errorType: 'KeyError',
    body: {
      errorType: 'KeyError',
      errorMessage: "'id'",
      stackTrace: [
        `  File "${runtimeDir}/runtime-python-bootstrap.py", line 120, in invoke\n    result = handler(event, context)\n`,
        '  File "/app/app.py", line 4, in handler\n    return parse(event)\n',
        '  File "/app/app.py", line 9, in parse\n    return event["id"]\n           ~~~~~^^^^^^\n',
        '  File "/app/.venv/lib/python3.12/site-packages/lib.py", line 2, in f\n    x\n',
      ],
    },
    expected: { message: "app.handler: KeyError: 'id'", frame: { file: '/app/app.py', line: 9, column: 1 }, goTo: 'Go to app.py:9', location: '/app/app.py:9:1' },
  },
  {
    name: 'a Python syntax error: the place as Lambda\'s Python runtime writes it',
    handler: 'broken.handler',
    file: '/app/broken.py',
    errorType: 'Runtime.UserCodeSyntaxError',
    body: { errorType: 'Runtime.UserCodeSyntaxError', errorMessage: "Syntax error in module 'broken': invalid syntax (broken.py, line 2)", stackTrace: ['  File "/app/broken.py" Line 2\n    return {"a": 1,,}\n'] },
    expected: { message: "broken.handler: Runtime.UserCodeSyntaxError: Syntax error in module 'broken': invalid syntax (broken.py, line 2)", frame: { file: '/app/broken.py', line: 2, column: 1 }, goTo: 'Go to broken.py:2', location: '/app/broken.py:2:1' },
  },
  {
    name: 'a Windows path',
    handler: 'index.handler',
    file: 'C:\\app\\index.js',
    errorType: 'Error',
    body: { errorType: 'Error', errorMessage: 'win', trace: ['Error: win', at('exports.handler (C:\\app\\index.js:2:7)')] },
    expected: { message: 'index.handler: Error: win', frame: { file: 'C:\\app\\index.js', line: 2, column: 7 }, goTo: 'Go to index.js:2', location: 'C:\\app\\index.js:2:7' },
  },
  {
    name: 'a runtime error with only the runtime\'s frames: no link',
    handler: 'esm.fails',
    file: '/app/esm.mjs',
    errorType: 'Runtime.HandlerNotFound',
    body: { errorType: 'Runtime.HandlerNotFound', errorMessage: 'esm.fails is undefined or not exported', trace: ['Runtime.HandlerNotFound: esm.fails is undefined or not exported', at(`loadHandler (${runtimeDir}/runtime-bootstrap.js:311:23)`)] },
    expected: { message: 'esm.fails: Runtime.HandlerNotFound: esm.fails is undefined or not exported' },
  },
  {
    name: 'a timeout: no trace, no link',
    handler: 'slow.spin',
    file: '/app/slow.js',
    errorType: 'Sandbox.Timedout',
    body: { errorType: 'Sandbox.Timedout', errorMessage: 'RequestId: 1 Error: Task timed out after 1.00 seconds' },
    expected: { message: 'slow.spin: Sandbox.Timedout: RequestId: 1 Error: Task timed out after 1.00 seconds' },
  },
  {
    name: 'another runtime\'s stackTrace field',
    handler: 'index.handler',
    file: '/app/index.js',
    errorType: 'Error',
    body: { errorType: 'Error', errorMessage: 'ric', stackTrace: [at('Runtime.handler (/app/index.js:9:11)')] },
    expected: { message: 'index.handler: Error: ric', frame: { file: '/app/index.js', line: 9, column: 11 }, goTo: 'Go to index.js:9', location: '/app/index.js:9:11' },
  },
  {
    name: 'a body that is not JSON: the text is the message',
    handler: 'index.handler',
    file: '/app/index.js',
    body: 'Task timed out after 3.00 seconds',
    expected: { message: 'index.handler: Error: Task timed out after 3.00 seconds' },
  },
  {
    name: 'a thrown object with no message',
    handler: 'index.handler',
    file: '/app/index.js',
    errorType: 'object',
    body: { errorType: 'object', errorMessage: { code: 42 } },
    expected: { message: 'index.handler: object: {"code":42}' },
  },
];

describe('runtime: the error notice and its link to the stack frame', () => {
  for (const c of cases) {
    it(c.name, () => {
      const payload = typeof c.body === 'string' ? c.body : JSON.stringify(c.body);
      assert.deepEqual(errorNotice(c.handler, c.file, payload, c.errorType, isRuntime), { ...c.expected, summary: c.expected.message.slice(c.handler.length + 2) });
    });
  }
});
