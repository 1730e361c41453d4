import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An HTTP server on 127.0.0.1 only, for the local endpoints (the emulator's, a function URL's). */
export class LoopbackServer {
  private readonly server: Server;

  private constructor(handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>) {
    this.server = createServer((req, res) => void handle(req, res));
  }

  /** Listens on 127.0.0.1; port 0 picks a free one. Rejects when the port is taken. */
  static async listen(port: number, handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>): Promise<LoopbackServer> {
    const loopback = new LoopbackServer(handle);
    await new Promise<void>((resolve, reject) => {
      loopback.server.once('error', reject);
      loopback.server.listen(port, '127.0.0.1', () => resolve());
    });
    return loopback;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** Ends open connections too (keep-alive clients would hold it open). */
  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** A request's whole body. */
export function readAll(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
