import assert from 'node:assert/strict';
import { isCodeChange } from '../../../server/src/runtime/code-watcher';

describe('runtime: which file changes retire environments (isCodeChange)', () => {
  const table: Array<[string, boolean]> = [
    ['index.js', true],
    ['src/handler.mjs', true],
    ['src/handler.cjs', true],
    ['src/handler.ts', true],
    ['src\\windows\\handler.mts', true],
    ['lib/view.tsx', true],
    ['lambda-workbench.json', true],
    ['package.json', true],
    ['build/Release/addon.node', true],
    ['node_modules/left-pad', true],
    ['node_modules/.package-lock.json', true],
    ['node_modules/@scope', true],
    ['node_modules/left-pad/index.js', false],
    ['packages/a/node_modules/b', true],
    ['README.md', false],
    ['events/notes.txt', false],
    ['.git/index', false],
    ['.vscode/settings.json', false],
    ['src/.handler.js.swp', false],
    ['../elsewhere/index.js', false],
    ['', false],
  ];
  for (const [path, expected] of table) {
    it(`${expected ? 'counts' : 'ignores'} ${path || '(the root itself)'}`, () => assert.equal(isCodeChange(path), expected));
  }
});
