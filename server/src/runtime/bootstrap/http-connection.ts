import { connect, type Socket } from 'node:net';

/** One request to send: its method, path, extra headers and JSON body. */
export interface HttpRequest {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

/** One response, headers named in lower case. */
export interface HttpResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

interface Waiting {
  readonly resolve: (response: HttpResponse) => void;
  readonly reject: (error: Error) => void;
}

const headerEnd = Buffer.from('\r\n\r\n');
const readBufferBytes = 64 * 1024;
const crlf = Buffer.from('\r\n');

/** A request being sent in chunks; `end` sends the trailers and resolves with the answer. */
export interface StreamedRequest {
  write(chunk: Buffer): Promise<void>;
  end(trailers: Readonly<Record<string, string>>): Promise<HttpResponse>;
}

/**
 * A keep-alive HTTP/1.1 connection to the Runtime API that pipelines: several
 * requests go out in one write and their answers come back in order. Posting
 * a result and asking for the next event together costs the runtime one
 * round trip per warm invoke instead of two. It reads only what our Runtime
 * API sends (bodies with Content-Length), and reconnects after a close. Like
 * Node's own agent, it holds the event loop open only while an answer is due.
 */
export class HttpConnection {
  private socket: Socket | undefined;
  private readonly waiting: Waiting[] = [];
  private buffered: Buffer = Buffer.alloc(0);

  constructor(
    private readonly host: string,
    private readonly port: number,
  ) {}

  /**
   * Sends the requests in one write and resolves with the last one's answer;
   * the answers before it are read and dropped.
   */
  send(...requests: [HttpRequest, ...HttpRequest[]]): Promise<HttpResponse> {
    const socket = this.socket ?? this.open();
    const ignore = () => {};
    for (const _ of requests.slice(1)) this.waiting.push({ resolve: ignore, reject: ignore });
    const answer = new Promise<HttpResponse>((resolve, reject) => this.waiting.push({ resolve, reject }));
    socket.ref();
    socket.write(requests.map((request) => this.format(request)).join(''));
    return answer;
  }

  /**
   * Starts a request whose body follows in chunks (Transfer-Encoding: chunked),
   * ending with trailers. Nothing else may be sent on the connection until it ends.
   */
  stream(request: Omit<HttpRequest, 'body'>): StreamedRequest {
    const socket = this.socket ?? this.open();
    const answer = new Promise<HttpResponse>((resolve, reject) => this.waiting.push({ resolve, reject }));
    socket.ref();
    socket.write(`${this.format(request).slice(0, -2)}Transfer-Encoding: chunked\r\n\r\n`);
    const written = (data: string | Buffer) => new Promise<void>((done, fail) => socket.write(data, (error) => (error ? fail(error) : done())));
    return {
      write: (chunk) => (chunk.length === 0 ? Promise.resolve() : written(Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, crlf]))),
      end: async (trailers) => {
        let last = '0\r\n';
        for (const [name, value] of Object.entries(trailers)) last += `${name}: ${value}\r\n`;
        await written(`${last}\r\n`);
        return answer;
      },
    };
  }

  /** The request as it is written. */
  format({ method, path, headers = {}, body }: HttpRequest): string {
    let head = `${method} ${path} HTTP/1.1\r\nHost: ${this.host}:${this.port}\r\n`;
    for (const [name, value] of Object.entries(headers)) head += `${name}: ${value}\r\n`;
    if (body === undefined) return `${head}\r\n`;
    return `${head}Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
  }

  private open(): Socket {
    // Bytes straight from the socket into one buffer, no stream machinery per chunk (cold in a fresh environment: its first invoke paid ~0.4 ms for it); read keeps a copy.
    const into = Buffer.allocUnsafe(readBufferBytes);
    const socket = connect({ host: this.host, port: this.port, noDelay: true, onread: { buffer: into, callback: (bytes) => this.read(Buffer.from(into.subarray(0, bytes))) } });
    this.socket = socket;
    this.buffered = Buffer.alloc(0);
    socket.on('error', () => {}); // 'close' follows and fails what is waiting
    socket.on('close', () => {
      if (this.socket === socket) this.socket = undefined;
      this.failAll(new Error(`the Runtime API at ${this.host}:${this.port} closed the connection`));
    });
    return socket;
  }

  /** Takes what the socket read; true: keep reading. */
  private read(chunk: Buffer): boolean {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    for (;;) {
      const answer = readAnswer(this.buffered);
      if (answer === undefined) return true;
      if ('malformed' in answer) {
        this.socket?.destroy();
        this.failAll(new Error(`unexpected answer from the Runtime API: ${answer.malformed}`));
        return false;
      }
      this.buffered = this.buffered.subarray(answer.end);
      this.waiting.shift()?.resolve(answer.response);
      // An idle connection must not keep the event loop alive: the runtime waits for it to empty.
      if (this.waiting.length === 0) this.socket?.unref();
    }
  }

  private failAll(error: Error): void {
    for (const waiting of this.waiting.splice(0)) waiting.reject(error);
  }
}

/** The first answer in the bytes read: undefined until it is complete; `malformed` (its status line) when it cannot be read. */
function readAnswer(buffered: Buffer): { readonly response: HttpResponse; readonly end: number } | { readonly malformed: string } | undefined {
  const end = buffered.indexOf(headerEnd);
  if (end < 0) return undefined;
  const head = buffered.toString('latin1', 0, end).split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head[0] ?? '')?.[1]);
  const headers: Record<string, string> = {};
  for (const line of head.slice(1)) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim().toLowerCase();
    if (colon > 0 && !(name in headers)) headers[name] = line.slice(colon + 1).trim();
  }
  const length = Number(headers['content-length']);
  if (!status || !Number.isInteger(length)) return { malformed: head[0] ?? '' };
  const bodyStart = end + headerEnd.length;
  if (buffered.length < bodyStart + length) return undefined;
  return { response: { status, headers, body: buffered.toString('utf8', bodyStart, bodyStart + length) }, end: bodyStart + length };
}

/** An answer shaped like the Runtime API's to `next`, for `warmUp`. */
const sampleBody = '{"name":"sample"}';
const sampleAnswer = Buffer.from(
  'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nLambda-Runtime-Aws-Request-Id: 00000000-0000-0000-0000-000000000000\r\n' +
    'Lambda-Runtime-Deadline-Ms: 0\r\nLambda-Runtime-Trace-Id: Root=1-00000000-000000000000000000000000\r\nDate: Thu, 01 Jan 1970 00:00:00 GMT\r\n' +
    `Connection: keep-alive\r\nContent-Length: ${sampleBody.length}\r\n\r\n${sampleBody}`,
  'latin1',
);

/**
 * Reads a sample answer and formats a sample post, sending nothing: the first
 * run of this code in a fresh process (Buffer and string builtins, the
 * regexp, cold inline caches) cost the first invoke about 0.8 ms (bench/runtime-reload.ts).
 * Called during Init, it is paid there, as eager reload means it to be.
 */
export function warmUp(connection: HttpConnection): void {
  readAnswer(sampleAnswer);
  connection.format({ method: 'POST', path: '/sample', headers: { 'Content-Type': 'application/json' }, body: sampleBody });
}
