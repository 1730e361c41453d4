import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SourceTextModule } from 'node:vm';

/**
 * Run as `node --experimental-vm-modules runtime-module-check.js FILE`: parses
 * the ES modules FILE imports, by relative path, without running any of them,
 * and prints the first that does not parse. Node names no file for a syntax
 * error in an ES module graph; the runtime asks this on that failure path
 * only, then `node --check` for the place in the file (which also confirms it:
 * a CommonJS file parsed here as a module may fail where Node would not).
 */
const maxModules = 2000;
const moduleExtensions = new Set(['.js', '.mjs']);

function firstUnparsable(entry: string): string | undefined {
  const seen = new Set([entry]);
  const queue = [entry];
  for (let next = queue.shift(); next !== undefined && seen.size <= maxModules; next = queue.shift()) {
    let specifiers: readonly string[];
    try {
      specifiers = new SourceTextModule(readFileSync(next, 'utf8'), { identifier: next }).dependencySpecifiers;
    } catch (error) {
      if (error instanceof SyntaxError) return next;
      continue;
    }
    for (const specifier of specifiers) {
      // Packages are not the user's code, and their errors name their own files.
      if (!/^(?:\.{1,2}\/|\/|file:)/.test(specifier)) continue;
      const file = fileURLToPath(new URL(specifier, pathToFileURL(next)));
      if (seen.has(file) || !moduleExtensions.has(extname(file)) || !existsSync(file) || !statSync(file).isFile()) continue;
      seen.add(file);
      queue.push(file);
    }
  }
  return undefined;
}

const entry = process.argv[2];
if (entry !== undefined) process.stdout.write(firstUnparsable(entry) ?? '');
