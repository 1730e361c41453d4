import { readFileSync } from 'node:fs';
import Module, { createRequire, register } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ImportModuleError } from './errors';

/** The part of esbuild's API the runtime uses. */
interface Esbuild {
  transformSync(source: string, options: object): { code: string };
}

let enabled = false;

/**
 * Teaches this process to load TypeScript, file by file, with esbuild: a
 * `require` hook for `.ts`/`.cts` (CommonJS) and module hooks (in
 * runtime-ts-hooks.js) for ES modules. Files keep their own paths, so
 * `__dirname`, `import.meta.url` and node_modules resolution are as written;
 * inline source maps make stack traces point at the TypeScript lines.
 */
export function enableTypeScript(taskRoot: string): void {
  if (enabled) return;
  const esbuildPath = resolveEsbuild(taskRoot);
  const esbuild = createRequire(__filename)(esbuildPath) as Esbuild;
  const extensions = (Module as unknown as { _extensions: Record<string, (module: { _compile(code: string, file: string): void }, file: string) => void> })._extensions;
  const compile = (module: { _compile(code: string, file: string): void }, file: string) => {
    const { code } = esbuild.transformSync(readFileSync(file, 'utf8'), { loader: 'ts', format: 'cjs', sourcemap: 'inline', sourcefile: file, target: `node${process.versions.node.split('.')[0]}` });
    module._compile(code, file);
  };
  extensions['.ts'] = compile;
  extensions['.cts'] = compile;
  register(pathToFileURL(join(__dirname, 'runtime-ts-hooks.js')).href, { data: { esbuild: esbuildPath } });
  process.setSourceMapsEnabled(true);
  enabled = true;
}

/** The project's own esbuild first (its version, its platform binary), then the one installed with Lambda Workbench. */
function resolveEsbuild(taskRoot: string): string {
  for (const from of [taskRoot, __dirname]) {
    try {
      return require.resolve('esbuild', { paths: [from] });
    } catch {
      // try the next place
    }
  }
  throw new ImportModuleError(
    'Error: TypeScript handlers are transpiled with esbuild, which was not found. Install it in the project (npm install --save-dev esbuild) or install Lambda Workbench with its dependencies.',
  );
}
