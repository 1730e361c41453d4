// @ts-check
// Runs the integration suite (out/test/integration) in a real VS Code, offline:
// code-server serves the workbench, headless Chromium opens it with a test payload,
// the extension host runs the suite and reports its exit code back to the page.
//   node test/harness/run-vscode-tests.mjs [--folder <path>] [--untrusted] [--grep <pattern>] [--screenshots <dir>]
// With --screenshots, test/integration/screenshots.test.ts runs and asks for pictures of the page.
// Under CI=true, whatever keeps this tier from running is a failure, never a skip.
import fs from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import { fail, grepEnvVar, isCI, parseTierOptions, repoRoot, screenshotRequest, screenshotsEnvVar, testsEntry, vscodeTestDir } from './common.mjs';
import { ensureCodeServer, startCodeServer, stopCodeServer } from './code-server.mjs';

const chromiumPath = '/usr/bin/chromium';
// From shared/docs/real-vscode-tests.md: no sandbox as root, no GPU, nothing that reaches the network.
const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** The whole run, from starting code-server to the suite's exit code. */
const deadlineMs = 10 * 60_000;
const logsDir = path.join(vscodeTestDir, 'logs');
const serverLog = path.join(logsDir, 'code-server.log');
const workbenchLog = path.join(logsDir, 'workbench.log');
const screenshotsDir = path.join(vscodeTestDir, 'screenshots');
// Workbench chatter that says nothing about the tests; still written to workbench.log.
const noise = [
  /open-vsx\.org/,
  /^(Resolving|Resolved) connection token/,
  /^Creating a socket/,
  /^\[Service Worker\]/,
  /^ChatSessionStore:/,
  /^Updating additional builtin extensions cache/,
];

const options = parseTierOptions(process.argv.slice(2));
for (const { file, script } of [{ file: path.join(repoRoot, 'dist', 'extension.js'), script: 'build' }, { file: testsEntry, script: 'compile-tests' }]) {
  if (!fs.existsSync(file)) {
    fail(`${path.relative(repoRoot, file)} is missing; run npm run ${script} first`);
  }
}
if (!fs.existsSync(chromiumPath)) {
  const message = `${chromiumPath} is missing (Debian package chromium); node test/harness/prepare.mjs installs it`;
  if (isCI) {
    fail(message);
  }
  console.log(`vscode tests SKIPPED: ${message}`);
  process.exit(0);
}

try {
  ensureCodeServer();
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
process.exitCode = await runSuite().catch((error) => {
  console.error(`vscode tests: broke down: ${error instanceof Error ? error.message : String(error)}`);
  return 1;
});

/** @returns {Promise<number>} the suite's exit code, or 1 when the run broke down */
async function runSuite() {
  const { chromium } = await import('playwright-core');
  fs.mkdirSync(logsDir, { recursive: true });
  const log = fs.createWriteStream(workbenchLog);
  const started = Date.now();
  console.log(`vscode tests: code-server in ${options.trusted ? 'a trusted' : 'an untrusted'} ${path.relative(repoRoot, options.folder) || '.'}/ (logs in ${path.relative(repoRoot, logsDir)}/)`);
  /** @type {import('./code-server.mjs').CodeServer | undefined} */
  let server;
  /** @type {import('playwright-core').Browser | undefined} */
  let browser;
  const stopAll = async () => {
    await browser?.close().catch(() => undefined);
    if (server !== undefined) {
      await stopCodeServer(server);
    }
  };
  // Ctrl-C or a CI timeout: leave no server or browser behind (code-server.mjs's exit hook
  // stops a server that is still starting).
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
    process.once(signal, () => {
      console.error(`vscode tests: ${signal}, stopping`);
      void stopAll().finally(() => process.exit(130));
    });
  }
  server = await startCodeServer({
    disableWorkspaceTrust: options.trusted,
    logFile: serverLog,
    env: {
      ...(options.grep === undefined ? {} : { [grepEnvVar]: options.grep }),
      ...(options.screenshots === undefined ? {} : { [screenshotsEnvVar]: options.screenshots }),
    },
  });
  try {
    // Chromium's own config (crash reports) goes with the server's state, not to the home folder.
    const chromiumHome = path.join(server.stateDir, 'chromium');
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: chromiumArgs,
      env: { ...process.env, XDG_CONFIG_HOME: chromiumHome, XDG_CACHE_HOME: chromiumHome },
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    /** @type {(outcome: { code: number } | { error: string }) => void} */
    let finish = () => undefined;
    /** @type {Promise<{ code: number } | { error: string }>} */
    const outcome = new Promise((resolve) => (finish = resolve));
    // The workbench calls these two when the page was opened for automation.
    await page.exposeFunction('codeAutomationLog', (/** @type {string} */ type, /** @type {unknown[]} */ args) => {
      // The extension host's console calls, arguments and all (mocha's reporter uses printf-style ones).
      const line = format(...args);
      log.write(`[${type}] ${line}\n`);
      if (options.screenshots !== undefined && line.startsWith(screenshotRequest)) {
        // The test waits for the file to appear; a name is a plain file name, never a path.
        const name = path.basename(line.slice(screenshotRequest.length).trim());
        fs.mkdirSync(options.screenshots, { recursive: true });
        void page.screenshot({ path: path.join(options.screenshots, `${name}.png`) }).catch((error) => console.error(`screenshot ${name}: ${String(error)}`));
        return;
      }
      if (!noise.some((pattern) => pattern.test(line))) {
        (type === 'error' ? process.stderr : process.stdout).write(`${type === 'info' ? '' : `[${type}] `}${line}\n`);
      }
    });
    await page.exposeFunction('codeAutomationExit', (/** @type {number} */ code) => finish({ code }));
    page.on('console', (message) => log.write(`[console.${message.type()}] ${message.text()}\n`));
    page.on('crash', () => finish({ error: 'the workbench page crashed' }));
    void server.exited.then(() => finish({ error: `code-server exited early; see ${serverLog}` }));
    const timer = setTimeout(() => finish({ error: `no result within ${deadlineMs / 1000} s` }), deadlineMs - (Date.now() - started));

    await page.goto(workbenchUrl(server.url, server.port, options.folder));
    const result = await outcome;
    clearTimeout(timer);
    const seconds = Math.round((Date.now() - started) / 1000);
    if ('code' in result && result.code === 0) {
      console.log(`vscode tests: passed in ${seconds} s`);
      return 0;
    }
    const screenshot = path.join(screenshotsDir, `failure-${new Date().toISOString().replace(/[:.]/g, '-')}.png`);
    fs.mkdirSync(screenshotsDir, { recursive: true });
    await page.screenshot({ path: screenshot }).catch(() => undefined);
    console.error(`vscode tests: ${'code' in result ? `failed with exit code ${result.code}` : `broke down: ${result.error}`} after ${seconds} s`);
    console.error(`  screenshot: ${screenshot}\n  workbench log: ${workbenchLog}\n  code-server log: ${serverLog}`);
    return 'code' in result ? result.code : 1;
  } finally {
    await stopAll();
    log.end();
  }
}

/**
 * The workbench's address with the test payload: the extension under development and the
 * suite's entry, both as paths on the code-server host.
 * @param {string} url
 * @param {number} port
 * @param {string} folder
 */
function workbenchUrl(url, port, folder) {
  const remote = (/** @type {string} */ file) => `vscode-remote://127.0.0.1:${port}${file}`;
  const payload = [
    ['extensionDevelopmentPath', remote(repoRoot)],
    ['extensionTestsPath', remote(testsEntry)],
    ['skipWelcome', 'true'],
  ];
  const address = new URL(url);
  address.searchParams.set('folder', folder);
  address.searchParams.set('payload', JSON.stringify(payload));
  return address.toString();
}
