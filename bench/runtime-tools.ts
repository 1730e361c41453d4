import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { Agent, request } from 'node:http';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { join, resolve } from 'node:path';

/**
 * The tools the runtime benchmark runs side by side, as a person would start
 * them: our CLI (`lambda-workbench invoke` and `serve`), the lambda-local CLI
 * and `serverless offline` (Serverless Framework v3, which runs without an
 * account, with serverless-offline 13). Everything listens on 127.0.0.1.
 */

export const repoRoot = resolve(__dirname, '../..');
export const handlersRoot = join(repoRoot, 'examples/handlers');
export const handlerFile = join(handlersRoot, 'hello.js');
export const eventFile = join(handlersRoot, 'events/hello.json');
const cliScript = join(repoRoot, 'dist/cli.js');
const lambdaLocalCli = join(repoRoot, 'node_modules/lambda-local/build/cli.js');
const serverlessCli = join(repoRoot, 'node_modules/serverless/bin/serverless.js');
/** bench/serverless-offline/serverless.yml: the service whose one function is examples/handlers/hello.js. */
export const serverlessService = join(repoRoot, 'bench/serverless-offline');
/** Lambda's invoke path as serverless-offline names the function: service-stage-function. */
const serverlessInvokePath = '/2015-03-31/functions/bench-dev-hello/invocations';
const rieInvokePath = '/2015-03-31/functions/function/invocations';

/**
 * The environment the bench started with, for every process and function it starts.
 * Not process.env itself: lambda-local's in-process execute writes Lambda's variables
 * into it (AWS_LAMBDA_FUNCTION_MEMORY_SIZE as the machine's free memory in MB, which
 * `serve` then rightly refused), so what ran before would change what runs after.
 */
export const startEnvironment: Readonly<NodeJS.ProcessEnv> = Object.freeze({ ...process.env });

/** No telemetry, update checks, notifications or interactive setup; its default log (a line per invoke, as ours prints). */
const serverlessEnvironment = {
  SLS_TELEMETRY_DISABLED: '1',
  SLS_NOTIFICATIONS_MODE: 'off',
  SLS_DEPRECATION_DISABLE: '*',
  SLS_INTERACTIVE_SETUP_DISABLE: '1',
};

/** Runs a process to completion in this environment (or `env`); rejects on a non-zero exit. */
export async function run(args: readonly string[], env: NodeJS.ProcessEnv = startEnvironment): Promise<void> {
  const child = spawn(process.execPath, args, { cwd: handlersRoot, stdio: 'ignore', env });
  const [code] = (await once(child, 'close')) as [number | null];
  if (code !== 0) throw new Error(`node ${args.join(' ')} exited with ${code}`);
}

/**
 * This environment without NODE_EXTRA_CA_CERTS. Node 20 reads that file
 * before any code runs; where it names a whole system bundle (as on this
 * project's CI machines) that is ~30 ms of every process start.
 */
export const withoutExtraCaCerts: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(startEnvironment).filter(([name]) => name !== 'NODE_EXTRA_CA_CERTS'));

/** `lambda-workbench invoke hello.handler --event events/hello.json`, a fresh process. */
export const ourInvokeCli = (env?: NodeJS.ProcessEnv) => run([cliScript, 'invoke', 'hello.handler', '--event', eventFile, '--root', handlersRoot], env);

/** `lambda-local -l hello.js -h handler -v 0 -e events/hello.json`, a fresh process. */
export const lambdaLocalCliRun = (env?: NodeJS.ProcessEnv) => run([lambdaLocalCli, '-l', handlerFile, '-h', 'handler', '-v', '0', '-e', eventFile], env);

/**
 * The floor under any runtime that keeps the function in a process of its
 * own: a child that echoes each message back over one loopback TCP
 * connection, no HTTP, no framing, nothing else.
 */
export class EchoProcess {
  private constructor(
    private readonly child: ChildProcess,
    private readonly socket: Socket,
    private readonly server: Server,
  ) {}

  static async start(): Promise<EchoProcess> {
    const server = createServer();
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    const connected = once(server, 'connection') as Promise<[Socket]>;
    const { port } = server.address() as AddressInfo;
    const code = `const s = require('node:net').connect(${port}, '127.0.0.1'); s.setNoDelay(true); s.on('data', (d) => s.write(d));`;
    const child = spawn(process.execPath, ['-e', code], { stdio: 'ignore', env: startEnvironment });
    const [socket] = await connected;
    socket.setNoDelay(true);
    return new EchoProcess(child, socket, server);
  }

  /** Sends `message` and resolves when all of it has come back. */
  roundTrip(message: string): Promise<void> {
    const length = Buffer.byteLength(message);
    return new Promise((done) => {
      let received = 0;
      const onData = (chunk: Buffer) => {
        received += chunk.length;
        if (received < length) return;
        this.socket.off('data', onData);
        done();
      };
      this.socket.on('data', onData);
      this.socket.write(message);
    });
  }

  async stop(): Promise<void> {
    this.socket.destroy();
    this.server.close();
    await stopProcess(this.child);
  }
}

/** A free port on 127.0.0.1 (released before the tool takes it). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  await new Promise((closed) => server.close(closed));
  return port;
}

/** POSTs the event over one keep-alive connection, as a test or script calling a local endpoint does. */
export class InvokeClient {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 1 });

  constructor(
    private readonly port: number,
    private readonly path: string,
  ) {}

  invoke(body: string): Promise<string> {
    return new Promise((done, fail) => {
      const req = request({ host: '127.0.0.1', port: this.port, path: this.path, method: 'POST', agent: this.agent, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => (res.statusCode === 200 ? done(text) : fail(new Error(`HTTP ${res.statusCode}: ${text}`))));
      });
      req.on('error', fail);
      req.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** A tool serving the handler on loopback until stopped. */
export interface LocalServer {
  readonly client: InvokeClient;
  stop(): Promise<void>;
}

/** `lambda-workbench serve hello.handler --port P`, answering once its first invoke succeeds. */
export async function startOurServe(event: string): Promise<LocalServer> {
  const port = await freePort();
  const args = [cliScript, 'serve', 'hello.handler', '--root', handlersRoot, '--port', String(port)];
  return startServer(event, { port, path: rieInvokePath, cwd: handlersRoot, args, env: {} });
}

/** `serverless offline start` on free ports (the service in `service`, bench/serverless-offline by default), answering once its first invoke succeeds. */
export async function startServerlessOffline(event: string, options: { reloadHandler?: boolean; service?: string } = {}): Promise<LocalServer> {
  const [port, httpPort] = [await freePort(), await freePort()];
  const flags = options.reloadHandler ? ['--reloadHandler', '--terminateIdleLambdaTime', '1'] : [];
  const args = [serverlessCli, 'offline', 'start', '--lambdaPort', String(port), '--httpPort', String(httpPort), ...flags];
  return startServer(event, { port, path: serverlessInvokePath, cwd: options.service ?? serverlessService, args, env: serverlessEnvironment });
}

interface ServerCommand {
  readonly port: number;
  readonly path: string;
  readonly cwd: string;
  readonly args: readonly string[];
  readonly env: Readonly<Record<string, string>>;
}

async function startServer(event: string, { port, path, cwd, args, env }: ServerCommand): Promise<LocalServer> {
  const child = spawn(process.execPath, args, { cwd, env: { ...startEnvironment, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  // Both tools log each invoke; the log is read as a terminal would, the tail kept for errors.
  let output = '';
  for (const stream of [child.stdout, child.stderr]) stream?.setEncoding('utf8').on('data', (chunk: string) => (output = (output + chunk).slice(-4000)));
  const client = new InvokeClient(port, path);
  const stop = () => stopProcess(child).finally(() => client.close());
  try {
    await firstAnswer(client, event, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { client, stop };
}

/** Polls every 2 ms until the endpoint answers an invoke, within a minute. */
async function firstAnswer(client: InvokeClient, event: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      await client.invoke(event);
      return;
    } catch (error) {
      const ended = child.exitCode !== null || child.signalCode !== null;
      if (ended || Date.now() > deadline) throw new Error(`${ended ? 'exited' : 'no answer within a minute'}: ${error instanceof Error ? error.message : String(error)}\n${output()}`);
      await new Promise((wait) => setTimeout(wait, 2));
    }
  }
}

/** SIGTERM, then SIGKILL if the process is still there after 5 s. */
async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const closed = once(child, 'close');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await closed;
  clearTimeout(timer);
}
