import assert from 'node:assert/strict';
import { handlerStringFor, parseHandlerString } from '../../../server/src/runtime/handler-string';
import { handlerTarget, taskRootFor } from '../../../server/src/runtime/task-root';

describe('runtime: handler strings', () => {
  const valid: ReadonlyArray<[string, { moduleRoot: string; module: string; exportPath: string }]> = [
    ['index.handler', { moduleRoot: '', module: 'index', exportPath: 'handler' }],
    ['src/app.lambdaHandler', { moduleRoot: 'src/', module: 'app', exportPath: 'lambdaHandler' }],
    ['a/b/c.handlers.get', { moduleRoot: 'a/b/', module: 'c', exportPath: 'handlers.get' }],
    ['/opt/code/index.handler', { moduleRoot: '/opt/code/', module: 'index', exportPath: 'handler' }],
  ];
  for (const [raw, expected] of valid) {
    it(`splits ${raw}`, () => assert.deepEqual(parseHandlerString(raw), { raw, ...expected }));
  }

  const malformed: ReadonlyArray<[string, string]> = [
    ['index', 'Bad handler'],
    ['index.', 'Bad handler'],
    ['src/index', 'Bad handler'],
    ['../index.handler', "'../index.handler' is not a valid handler name. Use absolute paths when specifying root directories in handler names."],
  ];
  for (const [raw, error] of malformed) {
    it(`refuses ${raw}`, () => assert.deepEqual(parseHandlerString(raw), { error }));
  }

  it('names a file and export as a handler string', () => {
    assert.equal(handlerStringFor('src/index.ts', 'handler'), 'src/index.handler');
    assert.equal(handlerStringFor('app.mjs', 'main'), 'app.main');
    assert.deepEqual(handlerStringFor('src/get.user.ts', 'handler'), { error: `Lambda's handler string cannot name "get.user.ts": the file name has a dot before its extension` });
  });
});

describe('runtime: task roots for handlers found in an editor', () => {
  const files = new Set(['/ws/package.json', '/ws/packages/api/package.json']);
  const exists = (p: string) => files.has(p);

  it('uses the nearest package.json folder inside the workspace', () => {
    assert.equal(taskRootFor('/ws/packages/api/src/get.ts', '/ws', exists), '/ws/packages/api');
    assert.equal(taskRootFor('/ws/src/index.js', '/ws', exists), '/ws');
  });

  it('falls back to the workspace folder, or the file\'s folder outside any workspace', () => {
    assert.equal(taskRootFor('/other/lib/fn.js', '/other', () => false), '/other');
    assert.equal(taskRootFor('/tmp/x/fn.js', undefined, () => false), '/tmp/x');
  });

  it('names the handler relative to the task root', () => {
    assert.deepEqual(handlerTarget('/ws/packages/api/src/get.ts', 'handler', '/ws', exists), { root: '/ws/packages/api', handler: 'src/get.handler', file: '/ws/packages/api/src/get.ts' });
    assert.deepEqual(handlerTarget('/ws/src/a.b.ts', 'handler', '/ws', exists), { error: `Lambda's handler string cannot name "a.b.ts": the file name has a dot before its extension` });
  });
});
