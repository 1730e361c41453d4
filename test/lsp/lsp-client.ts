import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';

/** The bundled server, as editors start it. */
export const serverPath = join(__dirname, '..', '..', '..', 'dist', 'server.js');

export interface ClientOptions {
  /** What `workspace/configuration` answers for section lambdaWorkbench.checks. */
  readonly configuration?: unknown;
  readonly initializationOptions?: unknown;
  /** The program and its arguments before `--stdio` (default: this Node.js running dist/server.js). */
  readonly command?: readonly [string, ...string[]];
}

/**
 * A minimal LSP client over stdio against `node dist/server.js --stdio`, as
 * any editor would start it. Records published diagnostics and logged errors.
 */
export class LspClient {
  readonly connection: ProtocolConnection;
  readonly errors: string[] = [];
  /** Every window/logMessage warning (type 2), in order. */
  readonly warnings: string[] = [];
  private readonly versions = new Map<string, Array<number | undefined>>();
  private readonly diagnostics = new Map<string, { version: number | undefined; diagnostics: Diagnostic[] }>();
  private readonly waiters = new Set<() => void>();
  private exited = false;
  private stderr = '';
  configuration: unknown;

  private constructor(private readonly child: ChildProcessWithoutNullStreams, options: ClientOptions) {
    this.configuration = options.configuration ?? {};
    this.connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    child.on('exit', () => {
      this.exited = true;
      this.notify();
    });
    this.connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; version?: number; diagnostics: Diagnostic[] }) => {
      this.diagnostics.set(params.uri, { version: params.version, diagnostics: params.diagnostics });
      this.versions.set(params.uri, [...(this.versions.get(params.uri) ?? []), params.version]);
      this.notify();
    });
    this.connection.onNotification('window/logMessage', (params: { type: number; message: string }) => {
      if (params.type === 1) this.errors.push(params.message);
      if (params.type === 2) this.warnings.push(params.message);
    });
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => this.configuration));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.listen();
  }

  /** Starts the server and completes the initialize handshake. */
  static async start(options: ClientOptions = {}): Promise<{ client: LspClient; initialize: InitializeResult }> {
    const [program, ...args] = options.command ?? [process.execPath, serverPath];
    const child = spawn(program, [...args, '--stdio'], { stdio: 'pipe' });
    const client = new LspClient(child, options);
    const params: InitializeParams = {
      processId: process.pid,
      rootUri: null,
      capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
      initializationOptions: options.initializationOptions ?? null,
    };
    const initialize = await client.request<InitializeResult>('initialize', params);
    await client.connection.sendNotification('initialized', {});
    return { client, initialize };
  }

  get isRunning(): boolean {
    return !this.exited;
  }

  get serverStderr(): string {
    return this.stderr;
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  notifyServer(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  async open(uri: string, text: string, languageId = 'json', version = 1): Promise<void> {
    await this.notifyServer('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  async change(uri: string, text: string, version: number): Promise<void> {
    await this.notifyServer('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  async close(uri: string): Promise<void> {
    await this.notifyServer('textDocument/didClose', { textDocument: { uri } });
  }

  /** Resolves with the diagnostics published for `uri` at `version` (or any version if omitted). */
  waitForDiagnostics(uri: string, version?: number, timeoutMs = 10_000): Promise<Diagnostic[]> {
    return this.waitFor(() => {
      const entry = this.diagnostics.get(uri);
      return entry && (version === undefined || entry.version === version) ? entry.diagnostics : undefined;
    }, `diagnostics for ${uri}${version === undefined ? '' : ` v${version}`}`, timeoutMs);
  }

  /** The versions of every publication for `uri`, in the order they arrived. */
  publishedVersions(uri: string): ReadonlyArray<number | undefined> {
    return this.versions.get(uri) ?? [];
  }

  /** Forgets recorded diagnostics, so the next wait sees only new publications. */
  clearDiagnostics(uri: string): void {
    this.diagnostics.delete(uri);
  }

  private waitFor<T>(probe: () => T | undefined, what: string, timeoutMs: number): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const check = () => {
        const value = probe();
        if (value !== undefined) return finish(() => resolve(value));
        if (this.exited) return finish(() => reject(new Error(`server exited while waiting for ${what}; stderr:\n${this.stderr}`)));
      };
      const timer = setTimeout(() => finish(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`))), timeoutMs);
      const finish = (settle: () => void) => {
        clearTimeout(timer);
        this.waiters.delete(check);
        settle();
      };
      this.waiters.add(check);
      check();
    });
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) waiter();
  }

  /** Shuts the server down as an editor does, and waits for the process to exit. */
  async stop(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    try {
      await this.request('shutdown', null);
      await this.notifyServer('exit', null);
    } catch {
      this.child.kill();
    }
    await exited;
    this.connection.dispose();
  }
}

/**
 * Gives each test of the enclosing `describe` a fresh server, and fails a test
 * whose server logged an error. Returns the current test's client.
 */
export function serverPerTest(options: ClientOptions = {}): () => LspClient {
  let client: LspClient | undefined;
  beforeEach(async () => {
    ({ client } = await LspClient.start(options));
  });
  afterEach(async () => {
    const errors = client?.errors ?? [];
    await client?.stop();
    client = undefined;
    if (errors.length) throw new Error(`the server logged errors:\n${errors.join('\n')}`);
  });
  return () => {
    if (!client) throw new Error('no server: call the client only inside a test');
    return client;
  };
}
