import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * The shape the code must keep (../shared/docs/architecture.md): faces reach
 * an engine through its front door only; engines never see VS Code or LSP;
 * the language core and the document model know no domain.
 */
const repo = resolve(__dirname, '..', '..', '..', '..');
const server = join(repo, 'server', 'src');
const engines = ['iam', 'alb', 'edge', 'runtime', 'template'] as const;

function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Every module a file imports, as written, with the absolute path when relative. */
function importsOf(file: string): Array<{ spec: string; target: string | undefined }> {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/^(?:import|export)\s[^;]*?from\s+'([^']+)'/gms)].map((m) => m[1] ?? '');
  return specs.map((spec) => ({ spec, target: spec.startsWith('.') ? resolve(dirname(file), spec) : undefined }));
}

function violations(files: readonly string[], bad: (imported: { spec: string; target: string | undefined }) => boolean): string[] {
  return files.flatMap((file) => importsOf(file).filter(bad).map(({ spec }) => `${relative(repo, file)} imports ${spec}`));
}

describe('architecture', () => {
  it('faces (client, CLI, language server) import an engine through its index only', () => {
    const faces = [...sources(join(repo, 'client', 'src')), ...sources(join(server, 'cli')), ...sources(join(server, 'lsp'))];
    const inner = violations(faces, ({ target }) => engines.some((engine) => {
      const folder = join(server, engine);
      return target !== undefined && target.startsWith(folder + sep) && target !== join(folder, 'index');
    }));
    assert.deepEqual(inner, [], 'add what the face needs to the engine\'s index.ts and import that');
  });

  it('engines never import VS Code or the language server protocol', () => {
    const files = engines.flatMap((engine) => sources(join(server, engine)));
    assert.deepEqual(violations(files, ({ spec }) => /^vscode(-languageserver|-languageclient)?(\/|$)/.test(spec)), []);
  });

  it('the language core and the document model know no domain', () => {
    const files = [...sources(join(server, 'language')), ...sources(join(server, 'document'))];
    const domains = engines.map((name) => join(server, name) + sep);
    assert.deepEqual(violations(files, ({ target }) => target !== undefined && domains.some((folder) => target.startsWith(folder))), []);
  });

  it('the document model imports nothing above it', () => {
    const files = sources(join(server, 'document'));
    const outside = violations(files, ({ target }) => target !== undefined && !target.startsWith(join(server, 'document') + sep));
    assert.deepEqual(outside, []);
  });
});
