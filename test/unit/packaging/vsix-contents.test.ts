import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { walkthroughSteps } from '../../../client/src/walkthrough/steps';
import { repositoryRoot } from '../../../tools/docs/generate';

/** What `vsce ls` says the .vsix would hold: the packager's own answer, .vscodeignore applied. */
function vsixFiles(root: string): Set<string> {
  const vsce = join(root, 'node_modules', '.bin', 'vsce');
  const result = spawnSync(vsce, ['ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' });
  assert.equal(result.status, 0, `vsce ls failed: ${result.stderr}`);
  return new Set(result.stdout.split('\n').filter((line) => line !== ''));
}

describe('packaging: what the .vsix ships (vsce ls)', function () {
  this.timeout(60_000);
  const root = repositoryRoot();
  let files: Set<string>;
  before(function () {
    assert.ok(existsSync(join(root, 'dist', 'extension.js')), 'dist/ is not built: run npm run build (the test tiers do it first)');
    files = vsixFiles(root);
  });

  it('ships the CLI whole or not at all: dist/cli.js with every dist/cli/*.js it loads, or neither', () => {
    const parts = readdirSync(join(root, 'dist', 'cli')).filter((name) => name.endsWith('.js')).map((name) => `dist/cli/${name}`);
    assert.ok(parts.length > 0, 'the build makes one bundle per CLI command in dist/cli/');
    const shipped = parts.filter((p) => files.has(p));
    if (files.has('dist/cli.js')) assert.deepEqual(shipped, parts);
    else assert.deepEqual(shipped, []);
  });

  it('ships what the extension loads at run time', () => {
    for (const file of ['dist/extension.js', 'dist/server.js', 'dist/runtime-bootstrap.js', 'dist/runtime-ts-hooks.js', 'dist/runtime-module-check.js', 'dist/iam-index.json.gz', 'README.md', 'CHANGELOG.md']) assert.ok(files.has(file), file);
  });

  it('ships the docs pages, the walkthrough media and the examples it opens', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { contributes: { walkthroughs: { steps: { media: { markdown?: string } }[] }[] } };
    const media = manifest.contributes.walkthroughs.flatMap((w) => w.steps.map((s) => s.media.markdown ?? ''));
    const pages = readdirSync(join(root, 'docs')).filter((n) => n.endsWith('.md')).map((n) => `docs/${n}`);
    const examples = walkthroughSteps.map((s) => `examples/${s.example}`);
    for (const file of [...pages, ...media, ...examples]) assert.ok(files.has(file), file);
  });

  it('ships every picture the README shows (its details page in VS Code reads them from the package)', () => {
    const pictures = [...readFileSync(join(root, 'README.md'), 'utf8').matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1] ?? '');
    assert.ok(pictures.length >= 4);
    for (const picture of pictures) {
      assert.ok(existsSync(join(root, picture)), picture);
      assert.ok(files.has(picture), picture);
    }
  });
});
