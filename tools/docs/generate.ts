import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { allChecks } from '../../server/src/workbench';
import { type DocSources, type SettingSchema, DocsBlockError, regenerate } from './tables';

/**
 * Regenerates the tables in docs/*.md from the code:
 * `npm run compile-tests && node out/tools/docs/generate.js`.
 * test/unit/docs/generated.test.ts fails when they drift.
 */

/** The repository root, from this file's place in out/tools/docs/ or tools/docs/. */
export function repositoryRoot(): string {
  const here = resolve(__dirname, '..', '..');
  return here.endsWith('out') ? resolve(here, '..') : here;
}

export function docSources(root: string): DocSources {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    contributes: { configuration: { properties: Record<string, SettingSchema> } };
  };
  return { checks: allChecks(), settings: manifest.contributes.configuration.properties };
}

/** Every docs page by file name, as it is on disk. */
export function docsPages(root: string): Map<string, string> {
  const dir = join(root, 'docs');
  const names = readdirSync(dir).filter((n) => n.endsWith('.md')).sort();
  return new Map(names.map((n) => [n, readFileSync(join(dir, n), 'utf8')]));
}

function main(): number {
  const root = repositoryRoot();
  const sources = docSources(root);
  let changed = 0;
  for (const [name, page] of docsPages(root)) {
    const next = regenerate(page, `docs/${name}`, sources);
    if (next !== page) {
      writeFileSync(join(root, 'docs', name), next);
      changed += 1;
      console.log(`updated docs/${name}`);
    }
  }
  console.log(changed === 0 ? 'docs/ is up to date' : `${changed} page(s) regenerated`);
  return 0;
}

if (require.main === module) {
  try {
    process.exitCode = main();
  } catch (error) {
    if (!(error instanceof DocsBlockError)) throw error;
    console.error(error.message);
    process.exitCode = 2;
  }
}
