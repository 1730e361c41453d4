import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** The index file the build writes next to the bundles (see compile-index.mjs). */
export const indexFileName = 'iam-index.json.gz';

/**
 * Where the index is: beside the running bundle (dist/server.js, dist/cli.js),
 * or, for tests compiled to out/, in the dist/ folder of the nearest ancestor.
 */
export function findIndexFile(from: string = __dirname): string | undefined {
  const beside = join(from, indexFileName);
  if (existsSync(beside)) return beside;
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'dist', indexFileName);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

/** Reads and parses the index; throws with what to do when it is missing. */
export function readIndexFile(file: string | undefined = findIndexFile()): unknown {
  if (!file) throw new Error(`IAM data index ${indexFileName} not found beside ${__dirname} or in an ancestor's dist/; run "npm run build"`);
  return JSON.parse(gunzipSync(readFileSync(file)).toString('utf8'));
}
