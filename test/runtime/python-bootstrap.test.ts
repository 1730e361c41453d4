import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { RuntimeApiServer, accepted, type ApiReply, type Invocation, type PostedResult, type RuntimeApiHost } from '../../server/src/runtime/runtime-api';
import { flushMarker } from '../../server/src/runtime/flush-marker';
import { repoRoot } from './harness';

/**
 * The Python bootstrap (dist/runtime-python-bootstrap.py) against our real
 * Runtime API server, in a real python3 process: Lambda's event, context,
 * log lines and error documents.
 */
const bootstrap = join(repoRoot, 'dist/runtime-python-bootstrap.py');
const taskRoot = join(repoRoot, 'test/fixtures/runtime/python');

/** A Runtime API host that hands out the invocations it is given and records what comes back. */
class RecordingHost implements RuntimeApiHost {
  readonly results: Array<{ kind: 'response' | 'error' | 'init-error'; requestId?: string; result: PostedResult }> = [];
  private readonly queue: Invocation[] = [];
  private waiting: ((invocation: Invocation) => void) | undefined;
  private settled: (() => void) | undefined;

  invoke(payload: unknown, extra: Partial<Invocation> = {}): Promise<void> {
    const invocation: Invocation = { requestId: `req-${this.results.length + this.queue.length + 1}`, payload: Buffer.from(JSON.stringify(payload)), deadlineMs: Date.now() + 30_000, invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:py', traceId: 'Root=1-0-0', ...extra };
    const done = new Promise<void>((resolve) => (this.settled = resolve));
    if (this.waiting) {
      const deliver = this.waiting;
      this.waiting = undefined;
      deliver(invocation);
    } else this.queue.push(invocation);
    return done;
  }

  next(deliver: (invocation: Invocation) => void): void {
    const queued = this.queue.shift();
    if (queued) deliver(queued);
    else this.waiting = deliver;
  }

  response(requestId: string, result: PostedResult): ApiReply {
    return this.record({ kind: 'response', requestId, result });
  }

  error(requestId: string, result: PostedResult): ApiReply {
    return this.record({ kind: 'error', requestId, result });
  }

  initError(result: PostedResult): ApiReply {
    return this.record({ kind: 'init-error', result });
  }

  streamChunk(): void {}

  responseTooLarge(): void {}

  private record(entry: RecordingHost['results'][number]): ApiReply {
    this.results.push(entry);
    this.settled?.();
    return accepted;
  }
}

interface Running {
  readonly host: RecordingHost;
  readonly child: ChildProcess;
  output: string;
  close(): Promise<void>;
}

async function start(handler: string, env: Record<string, string> = {}): Promise<Running> {
  const host = new RecordingHost();
  const api = await RuntimeApiServer.start(host);
  const child = spawn('python3', ['-u', bootstrap], {
    cwd: taskRoot,
    env: { PATH: process.env['PATH'] ?? '', AWS_LAMBDA_RUNTIME_API: api.address, _HANDLER: handler, LAMBDA_TASK_ROOT: taskRoot, AWS_LAMBDA_FUNCTION_NAME: 'py', AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '256', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const running: Running = {
    host,
    child,
    output: '',
    async close() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await once(child, 'close');
      }
      await api.close();
    },
  };
  child.stdout?.on('data', (chunk: Buffer) => (running.output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (running.output += chunk.toString()));
  return running;
}

async function withPython(handler: string, body: (running: Running) => Promise<void>, env: Record<string, string> = {}): Promise<void> {
  const running = await start(handler, env);
  try {
    await body(running);
  } finally {
    await running.close();
  }
}

/** Waits until both streams carried the flush marker of `invokes` invokes: every line printed before them has arrived. */
async function flushed(running: Running, invokes: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (running.output.split(flushMarker).length - 1 < 2 * invokes) {
    if (Date.now() > deadline) assert.fail(`no flush marker after ${invokes} invoke(s): ${JSON.stringify(running.output)}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function json(result: PostedResult | undefined): Record<string, unknown> {
  return JSON.parse(result?.body.toString() ?? 'null') as Record<string, unknown>;
}

describe('Python bootstrap against the Runtime API', function () {
  this.timeout(20_000);

  before(function () {
    assert.ok(existsSync(bootstrap), `${bootstrap} is missing: run "npm run build" first`);
  });

  it('passes the event and a full context, keeps module state warm, and logs as Lambda\'s Python runtime', async () => {
    await withPython('app.handler', async (running) => {
      const { host } = running;
      await host.invoke({ name: 'Ada' }, { clientContext: JSON.stringify({ custom: { a: 1 } }) });
      await host.invoke({ name: 'Grace' });
      await flushed(running, 2);
      const [first, second] = host.results;
      assert.equal(first?.kind, 'response');
      assert.deepEqual(json(first?.result), {
        event: { name: 'Ada' },
        calls: 1,
        function_name: 'py',
        memory_limit_in_mb: 256,
        aws_request_id: 'req-1',
        invoked_function_arn: 'arn:aws:lambda:us-east-1:123456789012:function:py',
        remaining_positive: true,
        cwd: taskRoot,
        client_custom: { a: 1 },
      });
      assert.equal(json(second?.result)['calls'], 2);
      assert.equal(first?.result.flushMarkers, 2);
      assert.ok((first?.result.maxRssKiB ?? 0) > 1000);
      const log = running.output;
      assert.match(log, /hello from print\n/);
      assert.match(log, /\[INFO\]\t\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\treq-1\thello from logging Ada\n/);
      assert.ok(log.includes(flushMarker));
    });
  });

  it('logs JSON lines in the JSON log format', async () => {
    await withPython('app.handler', async (running) => {
      await running.host.invoke({ name: 'Ada' });
      await flushed(running, 1);
      const line = running.output.split('\n').find((l) => l.includes('hello from logging'));
      assert.ok(line, running.output);
      const entry = JSON.parse(line.replaceAll(flushMarker, '')) as Record<string, unknown>;
      assert.deepEqual({ level: entry['level'], message: entry['message'], logger: entry['logger'], requestId: entry['requestId'] }, { level: 'INFO', message: 'hello from logging Ada', logger: 'root', requestId: 'req-1' });
    }, { AWS_LAMBDA_LOG_FORMAT: 'JSON' });
  });

  it('reports a raised error in Lambda\'s shape, with the user\'s frames only', async () => {
    await withPython('app.fails', async (running) => {
      const { host } = running;
      await host.invoke({ why: 'testing' });
      await flushed(running, 1);
      const [entry] = host.results;
      assert.equal(entry?.kind, 'error');
      assert.equal(entry?.result.errorType, 'ValueError');
      const document = json(entry?.result);
      assert.deepEqual({ errorType: document['errorType'], errorMessage: document['errorMessage'], requestId: document['requestId'] }, { errorType: 'ValueError', errorMessage: 'boom: testing', requestId: 'req-1' });
      const stack = document['stackTrace'] as string[];
      assert.equal(stack.length, 1);
      assert.match(stack[0] ?? '', /app\.py", line \d+, in fails\n {4}raise ValueError/);
      assert.match(running.output, /\[ERROR\] ValueError: boom: testing\rTraceback \(most recent call last\):\r {2}File/);
    });
  });

  it('reports a result JSON cannot hold as Runtime.MarshalError', async () => {
    await withPython('app.unserializable', async ({ host }) => {
      await host.invoke({});
      assert.equal(host.results[0]?.result.errorType, 'Runtime.MarshalError');
      assert.match(String(json(host.results[0]?.result)['errorMessage']), /^Unable to marshal response: Object of type object is not JSON serializable/);
    });
  });

  it('imports handlers from packages and folders (pkg/inner.handler, pkg.inner.handler)', async () => {
    for (const handler of ['pkg/inner.handler', 'pkg.inner.handler']) {
      await withPython(handler, async ({ host }) => {
        await host.invoke({});
        assert.equal(json(host.results[0]?.result) as unknown, 'from a package');
      });
    }
  });

  const initErrors: ReadonlyArray<[handler: string, errorType: string, message: RegExp]> = [
    ['missing.handler', 'Runtime.ImportModuleError', /^Unable to import module 'missing': No module named 'missing'$/],
    ['needs_missing.handler', 'Runtime.ImportModuleError', /^Unable to import module 'needs_missing': No module named 'no_such_module_anywhere'$/],
    ['broken.handler', 'Runtime.UserCodeSyntaxError', /^Syntax error in module 'broken': /],
    ['app.nothing', 'Runtime.HandlerNotFound', /^Handler 'nothing' missing on module 'app'$/],
    ['app', 'Runtime.MalformedHandlerName', /^Bad handler 'app'/],
  ];
  for (const [handler, errorType, message] of initErrors) {
    it(`posts ${errorType} to init/error for ${handler} and exits`, async () => {
      await withPython(handler, async ({ host, child }) => {
        const [code] = (await once(child, 'exit')) as [number | null];
        assert.equal(code, 1);
        const [entry] = host.results;
        assert.equal(entry?.kind, 'init-error');
        assert.equal(entry?.result.errorType, errorType);
        assert.match(String(json(entry?.result)['errorMessage']), message);
      });
    });
  }
});
