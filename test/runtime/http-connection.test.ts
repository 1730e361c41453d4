import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer, type Socket } from 'node:net';
import { HttpConnection, warmUp } from '../../server/src/runtime/bootstrap/http-connection';

/** Listens on a free loopback port; resolves with the port. */
async function listen(server: Server | TcpServer): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** Closes the server and the connections to it (the client keeps its connection open). */
function close(server: Server | TcpServer): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  if ('closeAllConnections' in server) server.closeAllConnections();
  else for (const socket of openSockets.get(server) ?? []) socket.destroy();
  return closed;
}

/** The sockets of each raw TCP server, so `close` can end them. */
const openSockets = new Map<TcpServer, Set<Socket>>();
function tcpServer(onConnection: (socket: Socket) => void): TcpServer {
  const sockets = new Set<Socket>();
  const server = createTcpServer((socket) => {
    sockets.add(socket);
    onConnection(socket);
  });
  openSockets.set(server, sockets);
  return server;
}

function bodyOf(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', () => resolve(text));
  });
}

/** The bootstrap's pipelining client against real servers on loopback. */
describe('runtime: the bootstrap\'s HTTP connection', () => {
  it('sends a post and a get in one write; the server answers in order; resolves with the last answer', async () => {
    const seen: string[] = [];
    const sockets = new Set<Socket>();
    const server = createServer((req, res) => {
      sockets.add(req.socket);
      void bodyOf(req).then((body) => {
        seen.push(`${req.method} ${req.url} ${req.headers['content-length'] ?? '-'} ${body}`);
        const answer = req.method === 'POST' ? '{"status":"OK"}' : '{"event":"ü"}';
        res.writeHead(req.method === 'POST' ? 202 : 200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(answer), 'X-Id': 'a1' });
        res.end(answer);
      });
    });
    const connection = new HttpConnection('127.0.0.1', await listen(server));
    try {
      const answer = await connection.send({ method: 'POST', path: '/post', headers: { 'X-Extra': '1' }, body: '{"name":"Zoë"}' }, { method: 'GET', path: '/next' });
      assert.equal(answer.status, 200);
      assert.equal(answer.body, '{"event":"ü"}');
      assert.equal(answer.headers['x-id'], 'a1', 'header names in lower case');
      assert.deepEqual(seen, ['POST /post 15 {"name":"Zoë"}', 'GET /next - ']);
      await connection.send({ method: 'GET', path: '/again' });
      assert.equal(sockets.size, 1, 'one keep-alive connection for every request');
    } finally {
      await close(server);
    }
  });

  it('reads answers that arrive a byte at a time, and several in one chunk; pipelined requests leave in one write', async () => {
    const answer = (body: string) => `HTTP/1.1 200 OK\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    const chunks: string[] = [];
    const server = tcpServer((socket) => {
      let requests = 0;
      socket.on('data', (chunk: Buffer) => {
        chunks.push(chunk.toString('latin1'));
        requests += chunk.toString('latin1').split('HTTP/1.1\r\n').length - 1;
        if (requests === 1) {
          const bytes = Buffer.from(answer('{"n":"één"}'));
          bytes.forEach((_, i) => setTimeout(() => socket.write(bytes.subarray(i, i + 1)), i));
        }
        if (requests === 3) socket.write(answer('first') + answer('second'));
      });
    });
    const connection = new HttpConnection('127.0.0.1', await listen(server));
    try {
      assert.equal((await connection.send({ method: 'GET', path: '/a' })).body, '{"n":"één"}');
      assert.equal((await connection.send({ method: 'POST', path: '/b', body: '{}' }, { method: 'GET', path: '/c' })).body, 'second');
      assert.match(chunks[1] ?? '', /^POST \/b HTTP\/1\.1\r\n[^]*\r\n\r\n\{\}GET \/c HTTP\/1\.1\r\n[^]*\r\n\r\n$/, 'both requests in one write');
    } finally {
      await close(server);
    }
  });

  it('warms up without a byte sent or a connection opened, and the connection then works as before', async () => {
    let connections = 0;
    let received = '';
    const server = tcpServer((socket) => {
      connections++;
      socket.on('data', (chunk: Buffer) => {
        received += chunk.toString('latin1');
        socket.write('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok');
      });
    });
    const connection = new HttpConnection('127.0.0.1', await listen(server));
    try {
      warmUp(connection);
      await new Promise((resolve) => setTimeout(resolve, 50));
      assert.equal(connections, 0);
      const answer = await connection.send({ method: 'GET', path: '/next' });
      assert.deepEqual([answer.status, answer.body, connections], [200, 'ok', 1]);
      assert.ok(received.startsWith('GET /next HTTP/1.1\r\n'), received);
    } finally {
      await close(server);
    }
  });

  it('fails what is waiting when the server closes the connection, then reconnects', async () => {
    let connections = 0;
    const server = tcpServer((socket) => {
      connections++;
      socket.once('data', () => {
        if (connections === 1) socket.destroy();
        else socket.end('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok');
      });
    });
    const port = await listen(server);
    const connection = new HttpConnection('127.0.0.1', port);
    try {
      await assert.rejects(connection.send({ method: 'GET', path: '/next' }), { message: `the Runtime API at 127.0.0.1:${port} closed the connection` });
      assert.equal((await connection.send({ method: 'GET', path: '/next' })).body, 'ok');
      assert.equal(connections, 2);
    } finally {
      await close(server);
    }
  });

  it('refuses an answer without a Content-Length instead of guessing where it ends', async () => {
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end('chunked');
    });
    const connection = new HttpConnection('127.0.0.1', await listen(server));
    try {
      await assert.rejects(connection.send({ method: 'GET', path: '/' }), { message: 'unexpected answer from the Runtime API: HTTP/1.1 200 OK' });
    } finally {
      await close(server);
    }
  });

  it('streams a request body in chunks as they are written, then its trailers; the same connection goes on', async () => {
    const received: string[] = [];
    let firstChunk: () => void = () => {};
    const firstChunkArrived = new Promise<void>((resolve) => (firstChunk = resolve));
    const server = createServer((req, res) => {
      if (req.method === 'GET') {
        res.end('next');
        return;
      }
      assert.deepEqual([req.headers['transfer-encoding'], req.headers['x-mode']], ['chunked', 'streaming']);
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => {
        received.push(chunk);
        firstChunk();
      });
      req.on('end', () => {
        received.push(`trailers ${JSON.stringify(req.trailers)}`);
        res.writeHead(202, { 'Content-Length': 2 });
        res.end('ok');
      });
    });
    const connection = new HttpConnection('127.0.0.1', await listen(server));
    try {
      const request = connection.stream({ method: 'POST', path: '/response', headers: { 'X-Mode': 'streaming', Trailer: 'X-Error' } });
      await request.write(Buffer.from('first '));
      // The server has the first chunk while the request is still open.
      await firstChunkArrived;
      assert.deepEqual(received, ['first ']);
      await request.write(Buffer.alloc(0));
      await request.write(Buffer.from('ü'));
      const answer = await request.end({ 'X-Error': 'Oops' });
      assert.equal(answer.status, 202);
      assert.deepEqual(received, ['first ', 'ü', 'trailers {"x-error":"Oops"}']);
      assert.equal((await connection.send({ method: 'GET', path: '/next' })).body, 'next');
    } finally {
      await close(server);
    }
  });
});
