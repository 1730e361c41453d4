import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { MissingDependency } from '../../language/check';

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

/** What the service names in its one finding and log line when the index cannot be read. */
export const indexDependency = 'IAM reference data';

/** Reads and parses the index; throws a MissingDependency that says what to do when it is missing or unreadable. */
export function readIndexFile(file: string | undefined = findIndexFile()): unknown {
  if (!file) throw missingIndex(`${indexFileName} is not beside ${__dirname} nor in an ancestor's dist/ folder`);
  try {
    return JSON.parse(gunzipSync(readFileSync(file)).toString('utf8'));
  } catch (error) {
    throw missingIndex(`${file} cannot be read (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** The index is there but holds something else (a build of another version). */
export function malformedIndex(file: string | undefined = findIndexFile()): MissingDependency {
  return missingIndex(`${file ?? indexFileName} is not in the shape this version expects`);
}

function missingIndex(problem: string): MissingDependency {
  return new MissingDependency(indexDependency, `The IAM reference data is missing: ${problem}. Checks against AWS's actions, resources and condition keys are off; rebuild with "npm run build" or reinstall the extension.`);
}
