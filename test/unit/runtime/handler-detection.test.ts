import assert from 'node:assert/strict';
import { blankCommentsAndStrings, detectHandlers } from '../../../server/src/runtime/handler-detection';

/** Each row: source, then the handler names found, each asserted at the exact text it covers. */
const table: ReadonlyArray<{ name: string; source: string; expected: string[] }> = [
  { name: 'exports.handler arrow', source: 'exports.handler = async (event) => event;', expected: ['handler'] },
  { name: 'module.exports.x function', source: 'module.exports.process = function (event, context) {};', expected: ['process'] },
  { name: 'module.exports.handler sync callback style', source: 'module.exports.handler = (event, context, callback) => callback(null, 1);', expected: ['handler'] },
  { name: 'export const', source: 'export const handler = async (event) => ({ ok: true });', expected: ['handler'] },
  { name: 'export const with a type annotation', source: 'export const handler: Handler<APIGatewayProxyEventV2> = async (event) => ({ statusCode: 200 });', expected: ['handler'] },
  { name: 'export async function', source: 'export async function handler(event) {\n  return 1;\n}', expected: ['handler'] },
  { name: 'export function with a generic', source: 'export function main<T>(input: T) { return input; }', expected: ['main'] },
  { name: 'wrapped in middleware', source: 'export const handler = middy(baseHandler).use(jsonBodyParser());', expected: ['handler'] },
  { name: 'named by its event parameter', source: 'export const onUpload = async (event: S3Event) => {};', expected: ['onUpload'] },
  { name: 'several in one file, in order', source: 'exports.getUser = async (event) => 1;\nexports.createUserHandler = async () => 2;', expected: ['getUser', 'createUserHandler'] },
  { name: 'module.exports object literal', source: 'module.exports = { handler, other: 1, lambdaHandler: fn };', expected: ['handler', 'lambdaHandler'] },
  { name: 'indented export', source: '  exports.handler = async (event) => event;', expected: ['handler'] },
  { name: 'a constant is not a handler', source: 'export const TABLE_NAME = process.env.TABLE;\nexports.region = "us-east-1";', expected: [] },
  { name: 'a helper without an event parameter is not a handler', source: 'export function formatDate(date) { return date; }', expected: [] },
  { name: 'arrows and async functions that take nothing (errors.js)', source: 'exports.throws = async () => {};\nexports.throwsSync = () => {\n};\nexports.rejects = () => Promise.reject(1);\nexport const nightly = async function () {};', expected: ['throws', 'throwsSync', 'rejects', 'nightly'] },
  { name: 'a plain function that takes nothing stays a helper', source: 'export function now() { return Date.now(); }\nexports.version = () => 3 + 1;', expected: ['version'] },
  { name: 'comparison is not an assignment', source: 'if (exports.handler == undefined) {}', expected: [] },
  { name: 'line comment', source: '// exports.handler = async (event) => event;', expected: [] },
  { name: 'block comment', source: '/*\nexport const handler = async (event) => 1;\n*/', expected: [] },
  { name: 'inside a template literal', source: 'const code = `\nexport const handler = async (event) => 1;\n`;', expected: [] },
  { name: 'not exported', source: 'const handler = async (event) => event;', expected: [] },
  { name: 'same name twice counts once', source: 'exports.handler = async (event) => 1;\nexports.handler = async (event) => 2;', expected: ['handler'] },
];

describe('runtime: detectHandlers', () => {
  for (const row of table) {
    it(row.name, () => {
      const found = detectHandlers(row.source);
      assert.deepEqual(
        found.map((h) => h.exportName),
        row.expected,
      );
      for (const h of found) assert.equal(row.source.slice(h.offset, h.offset + h.length), h.exportName);
    });
  }

  it('keeps offsets and newlines when blanking comments and strings', () => {
    const source = 'a // c\n"s\\"x" /* b\n*/ `t`';
    const blanked = blankCommentsAndStrings(source);
    assert.equal(blanked.length, source.length);
    assert.equal(blanked, 'a     \n"    " ' + '    \n  ' + ' ` `');
  });
});
