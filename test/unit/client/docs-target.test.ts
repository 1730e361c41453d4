import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { docsTarget } from '../../../client/src/docs-target';
import { repositoryRoot } from '../../../tools/docs/generate';

describe('client: which docs page a section opens', () => {
  const cases: { section: unknown; path: string; fragment?: string }[] = [
    { section: 'lambda-edge#a-whole-request', path: 'docs/lambda-edge.md', fragment: 'a-whole-request' },
    { section: 'alb', path: 'docs/alb.md' },
    { section: undefined, path: 'README.md' },
    { section: '', path: 'README.md' },
    { section: '../package', path: 'README.md' },
    { section: 'alb/../../x', path: 'README.md' },
    { section: 42, path: 'README.md' },
  ];
  for (const c of cases) {
    it(`${JSON.stringify(c.section)} opens ${c.path}${c.fragment ? `#${c.fragment}` : ''}`, () => {
      assert.deepEqual(docsTarget(c.section), { path: c.path, ...(c.fragment ? { fragment: c.fragment } : {}) });
    });
  }

  it('every section the client asks for is a page with that heading', () => {
    const root = repositoryRoot();
    const asked = [...readFileSync(join(root, 'client/src/edge/simulate-command.ts'), 'utf8').matchAll(/'lambdaWorkbench\.openDocs', '([^']+)'/g)].map((m) => m[1] ?? '');
    assert.ok(asked.length > 0);
    for (const section of asked) {
      const target = docsTarget(section);
      assert.ok(existsSync(join(root, target.path)), target.path);
      const slugs = readFileSync(join(root, target.path), 'utf8').split('\n').filter((l) => l.startsWith('#')).map((l) => l.replace(/^#+ /, '').toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-'));
      if (target.fragment) assert.ok(slugs.includes(target.fragment), `${target.path} has no heading #${target.fragment}`);
    }
  });
});
