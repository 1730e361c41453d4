import assert from 'node:assert/strict';
import { join } from 'node:path';
import { type FunctionSources, layerFunctionSettings, type LayeredFunctionSettings } from '../../../server/src/runtime/function-source';
import { type FunctionSettingsTable, parseFunctionSettings } from '../../../server/src/runtime/settings';

// The precedence of a function's settings, one owner for every face:
// the invoke's own options (flags, launch configuration) > SAM's --env-vars file >
// workspace settings (lambda-workbench.json, then VS Code's settings over it) > the template > Lambda's defaults.

const root = '/work/app/src';
const files: Readonly<Record<string, string>> = {
  [join(root, '.env.workspace')]: 'FROM=workspace env file\nW_FILE=1\n',
  '/tmp/invoke.env': 'FROM=invoke env file\nI_FILE=1\n',
  '/tmp/bad.env': 'OK=1\nnot a line\n',
};
const readFile = (path: string): string => {
  const text = files[path];
  if (text === undefined) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
  return text;
};

function table(raw: object): FunctionSettingsTable {
  const { table: parsed, problems } = parseFunctionSettings(raw, 'test');
  assert.deepEqual(problems, []);
  return parsed;
}

const template = {
  handler: 'app.handler',
  runtime: 'nodejs20.x',
  timeout: 7,
  memorySize: 256,
  environment: { FROM: 'template', T: '1' },
  layers: ['/work/app/layers/common'],
  templatePath: '/work/app/template.yaml',
  functionId: 'HelloFunction',
} as const;
const lambdaJson = table({ '*': { runtime: 'nodejs22.x', timeout: 10, memorySize: 512, environment: { FROM: 'lambda-workbench.json', L: '1' }, layers: ['../layers/other'] } });
const vscodeSettings = table({ '*': { runtime: 'python3.12', timeout: 20, memorySize: 1024, environment: { FROM: 'VS Code settings', V: '1' }, layers: ['/opt/vscode-layer'] } });
const envVars = { FROM: 'env-vars', E: '1' };
const invoke = { handler: 'other.handler', runtime: 'provided.al2023', timeout: 30, memorySize: 2048, environment: { FROM: 'invoke', I: '1' }, layers: ['/opt/invoke-layer'] };

type Setting = (layered: LayeredFunctionSettings) => unknown;
const settings: ReadonlyArray<[string, Setting]> = [
  ['handler', (l) => l.handler],
  ['runtime', (l) => l.runtime],
  ['timeout', (l) => l.settings.timeout],
  ['memory', (l) => l.settings.memorySize],
  ['layers', (l) => l.layers],
  ['environment', (l) => l.environment],
];

/** Layers stacked from the weakest up: each row adds one layer over the previous row's. */
const stack: ReadonlyArray<{ layer: string; sources: Omit<FunctionSources, 'root'>; expected: Readonly<Record<string, unknown>> }> = [
  {
    layer: 'Lambda\'s defaults',
    sources: {},
    expected: { handler: 'app.handler', runtime: undefined, timeout: 3, memory: 128, layers: [], environment: {} },
  },
  {
    layer: 'the template',
    sources: { template },
    expected: { handler: 'app.handler', runtime: 'nodejs20.x', timeout: 7, memory: 256, layers: ['/work/app/layers/common'], environment: { FROM: 'template', T: '1' } },
  },
  {
    layer: 'lambda-workbench.json',
    sources: { template, workspace: [lambdaJson] },
    // A workspace cannot rename the handler: its entries are keyed by it.
    expected: { handler: 'app.handler', runtime: 'nodejs22.x', timeout: 10, memory: 512, layers: ['/work/app/layers/other'], environment: { FROM: 'lambda-workbench.json', T: '1', L: '1' } },
  },
  {
    layer: 'VS Code settings',
    sources: { template, workspace: [lambdaJson, vscodeSettings] },
    expected: { handler: 'app.handler', runtime: 'python3.12', timeout: 20, memory: 1024, layers: ['/opt/vscode-layer'], environment: { FROM: 'VS Code settings', T: '1', L: '1', V: '1' } },
  },
  {
    layer: 'the --env-vars file',
    sources: { template, workspace: [lambdaJson, vscodeSettings], envVars },
    // Variables only: every other setting stays the workspace's.
    expected: { handler: 'app.handler', runtime: 'python3.12', timeout: 20, memory: 1024, layers: ['/opt/vscode-layer'], environment: { FROM: 'env-vars', T: '1', L: '1', V: '1', E: '1' } },
  },
  {
    layer: 'the invoke\'s options',
    sources: { template, workspace: [lambdaJson, vscodeSettings], envVars, invoke },
    expected: { handler: 'other.handler', runtime: 'provided.al2023', timeout: 30, memory: 2048, layers: ['/opt/invoke-layer'], environment: { FROM: 'invoke', T: '1', L: '1', V: '1', E: '1', I: '1' } },
  },
];

describe('runtime: one owner of function settings, layered', () => {
  for (const [name, read] of settings) {
    for (const { layer, sources, expected } of stack) {
      it(`${name}: ${layer} over the layers below`, () => {
        const layered = layerFunctionSettings({ root, ...sources }, 'app.handler', readFile);
        assert.deepEqual(read(layered), expected[name]);
        assert.deepEqual([layered.problems, layered.invokeProblems], [[], []]);
      });
    }
  }

  const envFiles: ReadonlyArray<{ name: string; sources: Omit<FunctionSources, 'root'>; environment: Record<string, string>; problems?: string[]; invokeProblems?: string[] }> = [
    {
      name: 'a workspace env file sits over the template, under the workspace\'s own map',
      sources: { template, workspace: [table({ 'app.handler': { envFile: '.env.workspace', environment: { L: '1' } } })] },
      environment: { FROM: 'workspace env file', T: '1', W_FILE: '1', L: '1' },
    },
    {
      name: 'the invoke\'s env file over the --env-vars file, under the invoke\'s own map',
      sources: { envVars, invoke: { envFile: '/tmp/invoke.env', environment: { I: '1' } } },
      environment: { FROM: 'invoke env file', E: '1', I_FILE: '1', I: '1' },
    },
    {
      name: 'a bad line in the invoke\'s env file stops the run (an invoke problem), located',
      sources: { invoke: { envFile: '/tmp/bad.env' } },
      environment: { OK: '1' },
      invokeProblems: ['/tmp/bad.env:2:1: expected KEY=value'],
    },
    {
      name: 'a missing workspace env file is a problem to show; the rest still applies',
      sources: { workspace: [table({ '*': { envFile: '.env.missing', environment: { A: 'a' } } })] },
      environment: { A: 'a' },
      problems: [`envFile .env.missing: ENOENT: no such file or directory, open '${join(root, '.env.missing')}'`],
    },
  ];
  for (const c of envFiles) {
    it(c.name, () => {
      const layered = layerFunctionSettings({ root, ...c.sources }, 'app.handler', readFile);
      assert.deepEqual(layered.environment, c.environment);
      assert.deepEqual(layered.problems, c.problems ?? []);
      assert.deepEqual(layered.invokeProblems, c.invokeProblems ?? []);
    });
  }

  it('applies workspace entries by `*`, then the handler string, then the template\'s function id', () => {
    const workspace = table({ '*': { timeout: 4, memorySize: 256, environment: { A: 'star' } }, 'app.handler': { timeout: 5, environment: { A: 'handler', B: 'handler' } }, HelloFunction: { timeout: 6, environment: { B: 'function' } } });
    const layered = layerFunctionSettings({ root, template, workspace: [workspace] }, undefined, readFile);
    assert.deepEqual([layered.settings.timeout, layered.settings.memorySize, layered.environment], [6, 256, { FROM: 'template', T: '1', A: 'handler', B: 'function' }]);
    assert.deepEqual(layered.template, { path: '/work/app/template.yaml', functionId: 'HelloFunction' });
    const withoutTemplate = layerFunctionSettings({ root, workspace: [workspace] }, 'app.handler', readFile);
    assert.equal(withoutTemplate.settings.timeout, 5, 'no template: the function id names nothing');
    assert.equal(withoutTemplate.template, undefined);
  });

  it('takes the more specific workspace entry first: the handler\'s in lambda-workbench.json over `*` in VS Code settings', () => {
    const file = table({ 'app.handler': { memorySize: 256 } });
    const settings = table({ '*': { memorySize: 512, timeout: 9 } });
    const layered = layerFunctionSettings({ root, workspace: [file, settings] }, 'app.handler', readFile);
    assert.deepEqual([layered.settings.memorySize, layered.settings.timeout], [256, 9]);
  });

  it('refuses to guess a handler nobody gave', () => {
    assert.throws(() => layerFunctionSettings({ root }, undefined, readFile), /no handler/);
  });
});
