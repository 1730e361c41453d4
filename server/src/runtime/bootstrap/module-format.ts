import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, parse } from 'node:path';

/**
 * Whether `.js` (and `.ts`) files in `folder` are ES modules: the nearest
 * package.json says `"type": "module"`. Like Lambda's runtime, the search stops
 * at a `node_modules` folder and an unreadable package.json counts as CommonJS.
 */
export function folderIsModule(folder: string): boolean {
  for (let dir = folder; ; dir = dirname(dir)) {
    if (dir.endsWith('/node_modules') || dir.endsWith('\\node_modules')) return false;
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        return (JSON.parse(readFileSync(manifest, 'utf8')) as { type?: unknown } | null)?.type === 'module';
      } catch {
        return false;
      }
    }
    if (dir === parse(dir).root) return false;
  }
}

/** How a file is loaded: by `require` (CommonJS) or `import` (ES module). */
export function moduleFormatOf(file: string): 'commonjs' | 'module' {
  if (/\.[cm]?[jt]s$/.test(file)) {
    if (/\.m[jt]s$/.test(file)) return 'module';
    if (/\.c[jt]s$/.test(file)) return 'commonjs';
    return folderIsModule(dirname(file)) ? 'module' : 'commonjs';
  }
  return 'commonjs';
}

export function isTypeScript(file: string): boolean {
  return /\.[cm]?ts$/.test(file);
}
