import assert from 'node:assert/strict';
import { layerFunctionSettings } from '../../../server/src/runtime/function-source';
import { parseFunctionSettings, type FunctionSettingsTable, type ResolvedFunctionSettings } from '../../../server/src/runtime/settings';

// How a handler's settings resolve in the editor: lambda-workbench.json (the CLI's too), then
// `lambdaWorkbench.functions` from .vscode/settings.json over it, `*` before the handler's own entry,
// the env file's variables under the `environment` maps.

/** lambda-workbench.json's `functions`, as examples/handlers has it plus an env file. */
const workspaceFile = parse({
  '*': { timeout: 5, environment: { LOG_LEVEL: 'info' } },
  'cjs.handler': { memorySize: 256, event: 'events/hello.json', environment: { GREETING: 'from lambda-workbench.json' } },
  'api/orders.handler': { envFile: '.env.orders', environment: { TABLE: 'orders-file' } },
});

/** `lambdaWorkbench.functions` in .vscode/settings.json. */
const vscodeSettings = parse({
  '*': { memorySize: 512 },
  'cjs.handler': { timeout: 8, environment: { STAGE: 'local' } },
  'api/orders.handler': { environment: { TABLE: 'orders-settings' } },
});

const root = '/work/app';
const envFiles: Readonly<Record<string, string>> = { '/work/app/.env.orders': 'TABLE=orders-env\nSECRET=from-env-file\n', '/work/app/.env.bad': 'OK=1\nnot a line\n' };
const readFile = (path: string): string => {
  const text = envFiles[path];
  if (text === undefined) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
  return text;
};

function parse(raw: object): FunctionSettingsTable {
  const { table, problems } = parseFunctionSettings(raw, 'test');
  assert.deepEqual(problems, []);
  return table;
}

const cases: ReadonlyArray<{ name: string; tables: FunctionSettingsTable[]; handler: string; expected: ResolvedFunctionSettings }> = [
  {
    name: 'the handler\'s entry in settings over its entry in lambda-workbench.json, over `*`; environments merge',
    tables: [workspaceFile, vscodeSettings],
    handler: 'cjs.handler',
    expected: {
      settings: { timeout: 8, memorySize: 256, event: 'events/hello.json', environment: { LOG_LEVEL: 'info', GREETING: 'from lambda-workbench.json', STAGE: 'local' } },
      environment: { LOG_LEVEL: 'info', GREETING: 'from lambda-workbench.json', STAGE: 'local' },
      problems: [],
    },
  },
  {
    name: 'a handler named nowhere: both `*` entries, else Lambda\'s defaults',
    tables: [workspaceFile, vscodeSettings],
    handler: 'other.handler',
    expected: { settings: { timeout: 5, memorySize: 512, environment: { LOG_LEVEL: 'info' } }, environment: { LOG_LEVEL: 'info' }, problems: [] },
  },
  {
    name: 'no tables at all: a 3 s timeout and 128 MB',
    tables: [],
    handler: 'cjs.handler',
    expected: { settings: { timeout: 3, memorySize: 128, environment: {} }, environment: {}, problems: [] },
  },
  {
    name: 'the env file under the environment maps, the settings\' map over the file\'s',
    tables: [workspaceFile, vscodeSettings],
    handler: 'api/orders.handler',
    expected: {
      settings: { timeout: 5, memorySize: 512, envFile: '.env.orders', environment: { LOG_LEVEL: 'info', TABLE: 'orders-settings' } },
      environment: { TABLE: 'orders-settings', SECRET: 'from-env-file', LOG_LEVEL: 'info' },
      problems: [],
    },
  },
  {
    name: 'an env file set in settings only, with a bad line: its variables and the line reported',
    tables: [workspaceFile, parse({ 'cjs.handler': { envFile: '.env.bad' } })],
    handler: 'cjs.handler',
    expected: {
      settings: { timeout: 5, memorySize: 256, event: 'events/hello.json', envFile: '.env.bad', environment: { LOG_LEVEL: 'info', GREETING: 'from lambda-workbench.json' } },
      environment: { OK: '1', LOG_LEVEL: 'info', GREETING: 'from lambda-workbench.json' },
      problems: ['.env.bad:2:1: expected KEY=value'],
    },
  },
  {
    name: 'a missing env file: reported, the rest still applies',
    tables: [parse({ '*': { envFile: '.env.missing', environment: { A: 'a' } } })],
    handler: 'cjs.handler',
    expected: {
      settings: { timeout: 3, memorySize: 128, envFile: '.env.missing', environment: { A: 'a' } },
      environment: { A: 'a' },
      problems: ["envFile .env.missing: ENOENT: no such file or directory, open '/work/app/.env.missing'"],
    },
  },
];

describe('runtime: a handler\'s settings through lambda-workbench.json and .vscode/settings.json', () => {
  for (const c of cases) {
    it(c.name, () => {
      const { settings, environment, problems } = layerFunctionSettings({ root, workspace: c.tables }, c.handler, readFile);
      // The layered settings carry the whole environment, env files included.
      assert.deepEqual({ settings, environment, problems }, { ...c.expected, settings: { ...c.expected.settings, environment: c.expected.environment } });
    });
  }

  it('layers without changing the tables it was given', () => {
    const before = JSON.stringify([workspaceFile, vscodeSettings]);
    layerFunctionSettings({ root, workspace: [workspaceFile, vscodeSettings] }, 'cjs.handler', readFile);
    assert.equal(JSON.stringify([workspaceFile, vscodeSettings]), before);
  });
});
