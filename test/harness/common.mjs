// @ts-check
// Paths and options shared by the harness scripts. Node built-ins only:
// prepare.mjs imports this before `npm ci` has run.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/** The repository root, wherever the clone is. */
export const repoRoot = path.resolve(fileURLToPath(import.meta.url), '../../..');
/** Git-ignored cache and state of the harness (code-server, logs, screenshots). */
export const vscodeTestDir = path.join(repoRoot, '.vscode-test');
export const examplesDir = path.join(repoRoot, 'examples');
/** The compiled mocha entry that both VS Code tiers load in the extension host. */
export const testsEntry = path.join(repoRoot, 'out', 'test', 'integration', 'index.js');
/** Read by test/integration/index.ts to select tests by name. */
export const grepEnvVar = 'LAMBDA_WORKBENCH_TEST_GREP';
/** Read by test/integration/screenshots.test.ts: the folder its pictures go to (set by --screenshots). */
export const screenshotsEnvVar = 'LAMBDA_WORKBENCH_SCREENSHOTS';
/** A console line from the extension host that asks the harness for a picture of the page: the prefix, then the file's name. */
export const screenshotRequest = 'lambda-workbench-screenshot ';

/**
 * Options of a test tier, from the command line:
 * `--folder <path>` opens another workspace folder (default: examples/),
 * `--untrusted` keeps workspace trust on so the folder opens untrusted,
 * `--grep <pattern>` runs only the tests whose full title matches,
 * `--screenshots <dir>` lets the screenshot tests run and writes their pictures there.
 * @param {string[]} argv
 * @returns {{ folder: string, trusted: boolean, grep: string | undefined, screenshots: string | undefined }}
 */
export function parseTierOptions(argv) {
  const options = /** @type {const} */ ({
    folder: { type: 'string' },
    untrusted: { type: 'boolean', default: false },
    grep: { type: 'string' },
    screenshots: { type: 'string' },
  });
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options }));
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)}; options: --folder <path>, --untrusted, --grep <pattern>, --screenshots <dir>`);
  }
  const folder = path.resolve(values.folder ?? examplesDir);
  if (!fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory()) {
    fail(`workspace folder ${folder} does not exist`);
  }
  return { folder, trusted: !values.untrusted, grep: values.grep, screenshots: values.screenshots === undefined ? undefined : path.resolve(values.screenshots) };
}

/** Whether we run under CI, where a tier that cannot run is a failure, never a skip. */
export const isCI = process.env['CI'] === 'true';

/**
 * Prints a one-line error and exits with code 1.
 * @param {string} message
 * @returns {never}
 */
export function fail(message) {
  console.error(`error: ${message}`);
  process.exit(1);
}

/**
 * Resolves when `check` returns true, polling every `intervalMs`; rejects after `timeoutMs`.
 * For conditions that have no event to wait on (a port answering HTTP).
 * @param {() => Promise<boolean>} check
 * @param {{ timeoutMs: number, intervalMs: number, what: string }} options
 */
export async function waitUntil(check, { timeoutMs, intervalMs, what }) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/**
 * The time since `started` for progress lines, e.g. `12.3 s`.
 * @param {number} started a Date.now() value
 */
export function elapsed(started) {
  return `${((Date.now() - started) / 1000).toFixed(1)} s`;
}
