import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { isLayerChange } from '../../../server/src/runtime/code-watcher';
import { sourceChange } from '../../../server/src/runtime/function-watcher';

describe('runtime: which changes in a local layer retire environments (isLayerChange)', () => {
  const table: Array<[string, boolean]> = [
    ['nodejs/node_modules/greeting/index.js', true],
    ['nodejs/node20/node_modules/greeting/lib/words.js', true],
    ['nodejs/node_modules/greeting/package.json', true],
    ['nodejs/node_modules/greeting/node_modules/dep', true],
    ['nodejs/node_modules/greeting/node_modules/dep/index.js', false],
    ['nodejs/package.json', true],
    ['python/common.py', true],
    ['python/lib/python3.12/site-packages/pkg/mod.py', true],
    ['python/lib/python3.12/site-packages/pkg/README.md', false],
    ['nodejs\\node_modules\\greeting\\index.js', true],
    ['README.md', false],
    ['nodejs/node_modules/greeting/.index.js.swp', false],
  ];
  for (const [path, expected] of table) {
    it(`${expected ? 'counts' : 'ignores'} ${path}`, () => assert.equal(isLayerChange(path), expected));
  }
});

describe('runtime: what a file change means to a function (sourceChange)', () => {
  const project = resolve('/project');
  const sources = { root: join(project, 'src'), layers: [join(project, 'layers/common')], settingsFiles: [join(project, 'template.yaml'), join(project, 'env.json')] };
  const table: Array<[string, ReturnType<typeof sourceChange>]> = [
    ['src/index.js', { kind: 'code', path: 'index.js' }],
    ['src/lib/util.ts', { kind: 'code', path: join('lib', 'util.ts') }],
    ['src/lambda-workbench.json', { kind: 'settings', path: 'lambda-workbench.json' }],
    ['template.yaml', { kind: 'settings', path: join(project, 'template.yaml') }],
    ['env.json', { kind: 'settings', path: join(project, 'env.json') }],
    ['layers/common/nodejs/node_modules/greeting/index.js', { kind: 'code', path: join(project, 'layers/common/nodejs/node_modules/greeting/index.js') }],
    ['layers/common/README.md', undefined],
    ['layers/other/nodejs/node_modules/x/index.js', undefined],
    ['src/notes.txt', undefined],
    ['other.yaml', undefined],
    ['lambda-workbench.json', undefined],
  ];
  for (const [file, expected] of table) {
    it(`${file}: ${expected ? expected.kind : 'nothing'}`, () => assert.deepEqual(sourceChange(sources, join(project, file)), expected));
  }
});
