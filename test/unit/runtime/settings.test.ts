import assert from 'node:assert/strict';
import { prepareEvent } from '../../../server/src/runtime/event';
import { MarkedStream, flushMarker } from '../../../server/src/runtime/flush-marker';
import { sampleEvents } from '../../../server/src/runtime/sample-events';
import { layerFunctionSettings } from '../../../server/src/runtime/function-source';
import { parseEnvFile, parseEnvPairs, parseFunctionSettings } from '../../../server/src/runtime/settings';

describe('runtime: settings, env files, events', () => {
  it('parses a settings table and reports every bad entry', () => {
    const { table, problems } = parseFunctionSettings(
      {
        '*': { timeout: 10, environment: { STAGE: 'dev' } },
        'src/index.handler': { memorySize: 512, environment: { TABLE: 't' }, envFile: '.env', tenantId: 'blue' },
        'bad.handler': { timeout: 0, memorySize: 100.5, environment: { N: 1 }, colour: 'blue', tenantId: '' },
        'worse.handler': 'fast',
      },
      'lambdaWorkbench.functions',
    );
    assert.deepEqual(problems, [
      'lambdaWorkbench.functions["bad.handler"].timeout must be a number from 1 to 900',
      'lambdaWorkbench.functions["bad.handler"].memorySize must be an integer from 128 to 10240',
      'lambdaWorkbench.functions["bad.handler"].tenantId must be a non-empty string',
      'lambdaWorkbench.functions["bad.handler"].environment must be an object of string values',
      'lambdaWorkbench.functions["bad.handler"].colour is not a known setting (timeout, memorySize, reservedConcurrency, envFile, event, tenantId, environment, runtime, layers)',
      'lambdaWorkbench.functions["worse.handler"] must be an object',
    ]);
    const settingsOf = (handler: string) => layerFunctionSettings({ root: '/app', workspace: [table] }, handler, () => 'FROM_FILE=1\n').settings;
    assert.deepEqual(settingsOf('src/index.handler'), { timeout: 10, memorySize: 512, environment: { FROM_FILE: '1', STAGE: 'dev', TABLE: 't' }, envFile: '.env', tenantId: 'blue' });
    assert.deepEqual(settingsOf('other.handler'), { timeout: 10, memorySize: 128, environment: { STAGE: 'dev' } });
  });

  it('parses dotenv files', () => {
    const { variables, problems } = parseEnvFile('# comment\nexport A=1\nB = "two words"\nC=\'$literal\'\nD=x # trailing\nE="a\\nb"\nnot a line\n');
    assert.deepEqual(variables, { A: '1', B: 'two words', C: '$literal', D: 'x', E: 'a\nb' });
    assert.deepEqual(problems, [{ line: 7, message: 'expected KEY=value' }]);
  });

  it('parses KEY=VALUE pairs, splitting at the first =', () => {
    assert.deepEqual(parseEnvPairs(['A=b=c', 'X']), { variables: { A: 'b=c' }, problems: ['expected KEY=VALUE, got "X"'] });
  });

  it('accepts JSON events, locates the first syntax error, and treats an empty event as {}', () => {
    assert.deepEqual(prepareEvent(' '), { payload: '{}' });
    assert.deepEqual(prepareEvent('{"a":1}'), { payload: '{"a":1}' });
    assert.deepEqual(prepareEvent('{\n  "a": 1,\n}'), { problem: { offset: 12, line: 3, column: 1, message: 'the event is not valid JSON (PropertyNameExpected)' } });
  });

  it('has sample events that are JSON with unique ids', () => {
    const ids = sampleEvents.map((s) => s.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const sample of sampleEvents) assert.ok('payload' in prepareEvent(JSON.stringify(sample.event)), sample.id);
  });

  it('strips flush markers from output, even split across chunks', () => {
    const out: string[] = [];
    let markers = 0;
    const stream = new MarkedStream(
      (t) => out.push(t),
      () => markers++,
    );
    const half = flushMarker.length >> 1;
    stream.push(`line one\n${flushMarker.slice(0, half)}`);
    stream.push(`${flushMarker.slice(half)}partial`);
    stream.push(` line${flushMarker}`);
    stream.push('\u0000');
    stream.end();
    assert.equal(out.join(''), 'line one\npartial line\u0000');
    assert.equal(markers, 2);
  });
});
