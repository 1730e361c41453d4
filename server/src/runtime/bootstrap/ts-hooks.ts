/**
 * Module customization hooks (node:module register) that load TypeScript ES
 * modules: `load` transpiles .ts/.mts with esbuild; `resolve` maps the
 * specifiers TypeScript lets people write (`./util.js` for util.ts, `./util`)
 * to the files on disk. CommonJS TypeScript is left to the require hook.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { isTypeScript, moduleFormatOf } from './module-format';

interface Esbuild {
  transform(source: string, options: object): Promise<{ code: string }>;
}

interface ResolveResult {
  url: string;
  format?: string | null;
  shortCircuit?: boolean;
}
interface LoadResult {
  format: string;
  source?: string | Buffer | null;
  shortCircuit?: boolean;
}
type NextResolve = (specifier: string, context: object) => Promise<ResolveResult>;
type NextLoad = (url: string, context: object) => Promise<LoadResult>;

let esbuild: Esbuild | undefined;

export function initialize(data: { esbuild: string }): void {
  esbuild = createRequire(__filename)(data.esbuild) as Esbuild;
}

export async function resolve(specifier: string, context: { parentURL?: string }, next: NextResolve): Promise<ResolveResult> {
  try {
    return await next(specifier, context);
  } catch (error) {
    const parent = context.parentURL;
    const relative = specifier.startsWith('./') || specifier.startsWith('../');
    if ((error as { code?: string }).code !== 'ERR_MODULE_NOT_FOUND' || !relative || !parent?.startsWith('file:') || !isTypeScript(fileURLToPath(parent))) throw error;
    for (const candidate of typeScriptCandidates(specifier)) {
      const url = new URL(candidate, parent);
      if (existsSync(fileURLToPath(url))) return { url: url.href, shortCircuit: true };
    }
    throw error;
  }
}

/** `./a.js` → `./a.ts`; `./a.mjs` → `./a.mts`; `./a` → `./a.ts`, `./a/index.ts`. */
function typeScriptCandidates(specifier: string): string[] {
  const swapped = specifier.replace(/\.([cm]?)js$/, '.$1ts');
  if (swapped !== specifier) return [swapped];
  return [`${specifier}.ts`, `${specifier}.mts`, `${specifier}.cts`, `${specifier}/index.ts`];
}

export async function load(url: string, context: object, next: NextLoad): Promise<LoadResult> {
  if (!url.startsWith('file:') || !isTypeScript(fileURLToPath(url))) return next(url, context);
  const file = fileURLToPath(url);
  // CommonJS TypeScript goes through require, where the .ts/.cts hook compiles it.
  if (moduleFormatOf(file) === 'commonjs') return { format: 'commonjs', shortCircuit: true };
  if (!esbuild) throw new Error('TypeScript hooks were not initialized');
  const { code } = await esbuild.transform(readFileSync(file, 'utf8'), { loader: 'ts', format: 'esm', sourcemap: 'inline', sourcefile: file, target: `node${process.versions.node.split('.')[0]}` });
  return { format: 'module', source: code, shortCircuit: true };
}
