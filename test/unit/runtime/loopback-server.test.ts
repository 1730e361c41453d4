import assert from 'node:assert/strict';
import { refusalOf } from '../../../server/src/runtime/loopback-server';

describe('runtime: which callers a local server refuses (refusalOf)', () => {
  const port = 9000;
  const table: Array<[string, Record<string, string>, readonly string[], RegExp | undefined]> = [
    ['127.0.0.1 with the port', { host: '127.0.0.1:9000' }, [], undefined],
    ['localhost with the port, any case', { host: 'LocalHost:9000' }, [], undefined],
    ['[::1] with the port', { host: '[::1]:9000' }, [], undefined],
    ['no Host at all', {}, [], /^Host "" is not this loopback server/],
    ['a rebound name', { host: 'evil.example:9000' }, [], /^Host "evil.example:9000"/],
    ['a loopback name without the port', { host: 'localhost' }, [], /^Host "localhost"/],
    ['another port', { host: '127.0.0.1:9001' }, [], /^Host "127.0.0.1:9001"/],
    ['a name that ends like one', { host: 'notlocalhost:9000' }, [], /^Host/],
    ['[::1] without the port', { host: '[::1]' }, [], /^Host/],
    ['any Origin', { host: '127.0.0.1:9000', origin: 'https://evil.example' }, [], /Origin "https:\/\/evil.example"/],
    ['the null Origin of a sandboxed page', { host: '127.0.0.1:9000', origin: 'null' }, [], /Origin "null"/],
    ['an allowed Origin', { host: '127.0.0.1:9000', origin: 'http://localhost:3000' }, ['http://localhost:3000'], undefined],
    ['another Origin than the allowed one', { host: '127.0.0.1:9000', origin: 'http://localhost:3001' }, ['http://localhost:3000'], /Origin/],
    ['any Origin when * is allowed', { host: '127.0.0.1:9000', origin: 'https://anything.example' }, ['*'], undefined],
    ['a rebound Host even when * is allowed', { host: 'evil.example:9000', origin: 'https://evil.example' }, ['*'], /^Host/],
  ];
  for (const [what, headers, allowed, refusal] of table) {
    it(`${refusal ? 'refuses' : 'serves'} ${what}`, () => {
      const answer = refusalOf({ headers }, port, allowed);
      if (refusal) assert.match(answer ?? '', refusal);
      else assert.equal(answer, undefined);
    });
  }
});
