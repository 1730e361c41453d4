import { Agent, request } from 'node:http';
import { flushMarker } from '../flush-marker';
import type { ErrorBody } from './errors';

/** One invocation as `next` returned it. */
export interface NextInvocation {
  readonly body: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}

/** A client of the Lambda Runtime API at `AWS_LAMBDA_RUNTIME_API` (host:port). */
export class RuntimeClient {
  // Idle keep-alive sockets are unref'd by Node, so they never keep the event loop alive;
  // no Nagle delay on the small result posts.
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 1, noDelay: true });
  private readonly host: string;
  private readonly port: number;

  constructor(api: string) {
    const colon = api.lastIndexOf(':');
    this.host = api.slice(0, colon);
    this.port = Number(api.slice(colon + 1));
  }

  async next(): Promise<NextInvocation> {
    const { status, headers, body } = await this.send('GET', '/2018-06-01/runtime/invocation/next');
    if (status !== 200) throw new Error(`Runtime API answered ${status} to next: ${body}`);
    return { body, headers };
  }

  async postResponse(requestId: string, body: string): Promise<void> {
    await this.send('POST', `/2018-06-01/runtime/invocation/${encodeURIComponent(requestId)}/response`, body, resultHeaders());
  }

  async postError(requestId: string, error: ErrorBody): Promise<void> {
    await this.send('POST', `/2018-06-01/runtime/invocation/${encodeURIComponent(requestId)}/error`, JSON.stringify(error), {
      'Lambda-Runtime-Function-Error-Type': error.errorType,
      ...resultHeaders(),
    });
  }

  async postInitError(error: ErrorBody): Promise<void> {
    await this.send('POST', '/2018-06-01/runtime/init/error', JSON.stringify(error), { 'Lambda-Runtime-Function-Error-Type': error.errorType });
  }

  private send(method: string, path: string, body?: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: NextInvocation['headers']; body: string }> {
    return new Promise((resolve, reject) => {
      const req = request({ host: this.host, port: this.port, method, path, agent: this.agent, headers: body === undefined ? headers : { ...headers, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });
  }
}

/** Whether each stream was written since the last result: only those need a flush marker. */
const written = { stdout: false, stderr: false };
for (const name of ['stdout', 'stderr'] as const) {
  const stream = process[name];
  const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
  stream.write = ((...args: unknown[]) => {
    written[name] = true;
    return write(...args);
  }) as typeof stream.write;
}

/**
 * Marks the end of this invoke's output on the streams written to (see
 * flush-marker.ts) and tells the Runtime API how many markers to wait for,
 * with the process's peak memory for the REPORT line.
 */
function resultHeaders(): Record<string, string> {
  let markers = 0;
  for (const name of ['stdout', 'stderr'] as const) {
    if (!written[name]) continue;
    process[name].write(flushMarker);
    written[name] = false;
    markers++;
  }
  return { 'Lambda-Workbench-Flush-Markers': String(markers), 'Lambda-Workbench-Max-Rss-KiB': String(process.resourceUsage().maxRSS) };
}
