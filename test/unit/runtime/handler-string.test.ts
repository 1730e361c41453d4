import assert from 'node:assert/strict';
import { handlerStringFor, parseHandlerString } from '../../../server/src/runtime/handler-string';

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
