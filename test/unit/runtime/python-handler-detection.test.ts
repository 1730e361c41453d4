import assert from 'node:assert/strict';
import { detectPythonHandlers } from '../../../server/src/runtime/python/handler-detection';

describe('detectPythonHandlers', () => {
  const table: ReadonlyArray<{ name: string; source: string; expected: string[] }> = [
    { name: 'the usual handler', source: 'def handler(event, context):\n    return 1\n', expected: ['handler'] },
    { name: 'any name with (event, context)', source: 'def resize(event, context):\n    pass\n', expected: ['resize'] },
    { name: 'type hints', source: 'def lambda_handler(event: dict, context: LambdaContext) -> dict:\n    return {}\n', expected: ['lambda_handler'] },
    { name: 'a handler-like name with the event only', source: 'def handler(event):\n    pass\n', expected: ['handler'] },
    { name: 'several, in order', source: 'def get_user(event, context):\n    pass\n\ndef create_handler(evt, ctx):\n    pass\n', expected: ['get_user', 'create_handler'] },
    { name: 'a helper is not a handler', source: 'def format_date(date, fmt):\n    pass\n', expected: [] },
    { name: 'a method is not a handler', source: 'class A:\n    def handler(self, event, context):\n        pass\n', expected: [] },
    { name: 'a nested function is not a handler', source: 'def outer():\n    def handler(event, context):\n        pass\n', expected: [] },
    { name: 'a comment is not a def', source: '# def handler(event, context):\n', expected: [] },
  ];
  for (const { name, source, expected } of table) {
    it(name, () => assert.deepEqual(detectPythonHandlers(source).map((h) => h.exportName), expected));
  }

  it('points at the name', () => {
    const source = 'import json\n\ndef handler(event, context):\n    pass\n';
    const [found] = detectPythonHandlers(source);
    assert.equal(source.slice(found?.offset, (found?.offset ?? 0) + (found?.length ?? 0)), 'handler');
  });
});
