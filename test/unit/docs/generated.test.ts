import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { docSources, docsPages, repositoryRoot } from '../../../tools/docs/generate';
import { DocsBlockError, blockNames, regenerate, renderBlock } from '../../../tools/docs/tables';

const root = repositoryRoot();
const sources = docSources(root);
const pages = docsPages(root);
const fix = 'run `npm run compile-tests && node out/tools/docs/generate.js` and commit docs/';

describe('docs/ generated tables', () => {
  for (const [name, page] of pages) {
    it(`docs/${name} matches the code`, () => {
      assert.equal(page, regenerate(page, `docs/${name}`, sources), `docs/${name} has drifted from the code: ${fix}`);
    });
  }

  it('every check scope has a table, and the settings one table', () => {
    const names = [...pages.values()].flatMap(blockNames);
    const shown = new Set(names.filter((n) => n.startsWith('checks:')).flatMap((n) => n.slice('checks:'.length).split(',')));
    const scopes = new Set(sources.checks.map((c) => c.scope));
    assert.deepEqual([...scopes].filter((s) => !shown.has(s)), [], `check scopes without a table in docs/: ${fix}`);
    assert.equal(names.filter((n) => n === 'settings').length, 1);
  });

  it('every check id and setting heads one row in docs/', () => {
    const rows = [...pages.values()].join('\n').split('\n').map((line) => /^\s*\| `([^`]+)` \|/.exec(line)?.[1]).filter((id) => id !== undefined);
    for (const name of [...sources.checks.map((c) => c.id), ...Object.keys(sources.settings)]) {
      assert.equal(rows.filter((id) => id === name).length, 1, name);
    }
  });
});

describe('check counts in prose', () => {
  const count = (scope: string) => sources.checks.filter((c) => c.scope === scope).length;
  // Every "N checks" of the README and the CHANGELOG, with what N must be.
  const claims: { file: string; phrase: RegExp; expected: () => number }[] = [
    { file: 'README.md', phrase: /(\d+) checks in all/, expected: () => sources.checks.length },
    { file: 'CHANGELOG.md', phrase: /(\d+) checks in all/, expected: () => sources.checks.length },
    { file: 'README.md', phrase: /(\d+) checks as you type/, expected: () => count('iam-policy') },
    { file: 'CHANGELOG.md', phrase: /offline as you type: (\d+) checks/, expected: () => count('iam-policy') },
    { file: 'CHANGELOG.md', phrase: /Lambda@Edge: (\d+) checks on CloudFront event fixtures/, expected: () => count('edge-event') },
  ];
  for (const claim of claims) {
    it(`${claim.file}: "${claim.phrase.source}" counts the registry`, () => {
      const found = claim.phrase.exec(readFileSync(join(root, claim.file), 'utf8'));
      assert.ok(found, `${claim.file} no longer says ${claim.phrase.source}`);
      assert.equal(Number(found[1]), claim.expected());
    });
  }

  it('the README breaks the total down by scope as the registry does', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8').replace(/\s+/g, ' ');
    const line = `${sources.checks.length} checks in all: ${count('iam-policy')} IAM, ${count('edge-event')} on Lambda@Edge events, ${count('template')} across a template's resources, ${count('alb-config')} ALB, ${count('document')} on every document.`;
    assert.ok(readme.includes(line), `README.md should say: ${line}`);
  });

  it('no prose claims a check count the registry cannot back', () => {
    for (const file of ['README.md', 'CHANGELOG.md']) {
      const text = readFileSync(join(root, file), 'utf8');
      assert.doesNotMatch(text, /\d+\+ checks/, `${file}: say the count, not a floor`);
    }
  });
});

describe('docs table rendering', () => {
  const check = { id: 'x.pipe', severity: 'warning', title: 'a | b\nc', docs: 'https://example.com/x', scope: 'x', run: () => [] } as const;
  const small = { checks: [check], settings: { 's.one': { type: 'string', default: 'a', enum: ['a', 'b'], description: 'one | two' } } };

  const cases: { name: string; page: string; expected: string }[] = [
    {
      name: 'fills an empty check block, escaping pipes and line breaks',
      page: 'x\n<!-- generated:checks:x -->\n<!-- end generated -->\ny',
      expected: 'x\n<!-- generated:checks:x -->\n| id | severity | finds | reference |\n|---|---|---|---|\n| `x.pipe` | warning | a \\| b c | [docs](https://example.com/x) |\n<!-- end generated -->\ny',
    },
    {
      name: 'replaces a stale block and keeps its indentation',
      page: '- list\n  <!-- generated:settings -->\n  | old |\n  <!-- end generated -->',
      expected: '- list\n  <!-- generated:settings -->\n  | setting | default | values | scope | what it does |\n  |---|---|---|---|---|\n  | `s.one` | `"a"` | `a`, `b` | window | one \\| two |\n  <!-- end generated -->',
    },
    { name: 'leaves a page without blocks alone', page: '# title\n| a |', expected: '# title\n| a |' },
  ];
  for (const c of cases) it(c.name, () => assert.equal(regenerate(c.page, 'p.md', small), c.expected));

  it('names the file and line of an unknown block', () => {
    assert.throws(() => regenerate('a\n\n<!-- generated:checks:nope -->\n<!-- end generated -->', 'docs/p.md', small), (e: unknown) => e instanceof DocsBlockError && e.message === 'docs/p.md:3: no check has scope nope');
    assert.throws(() => renderBlock('tables', small), /unknown generated block "tables"/);
  });
});
