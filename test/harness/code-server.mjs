// @ts-check
// code-server (VS Code's server and web workbench, from the npm registry) for the
// real-VS-Code test tier and `npm start`: installed offline into .vscode-test/
// following shared/docs/real-vscode-tests.md, started on loopback, stopped.
// Node built-ins only: prepare.mjs imports this before `npm ci` has run.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { elapsed, vscodeTestDir, waitUntil } from './common.mjs';

export const codeServerVersion = '4.100.3';
/** The VS Code release that this code-server bundles. */
export const vscodeVersion = '1.100.3';
export const codeServerDir = path.join(vscodeTestDir, `code-server-${codeServerVersion}`);
const entry = path.join(codeServerDir, 'out', 'node', 'entry.js');
/** Written last, after `--version` answered: its presence means a complete install. */
const marker = path.join(codeServerDir, '.installed');
const installLog = path.join(vscodeTestDir, 'logs', 'code-server-install.log');

// Dependencies whose install scripts the recipe's `npm rebuild` runs (native builds,
// ripgrep's postinstall that finds our /usr/bin/rg link). npm 11 runs unlisted ones
// with a warning only, unless `strict-allow-scripts` is set; listing them keeps the
// install working either way.
const vscodeNativeModules = [
  'kerberos', 'native-watchdog', 'node-pty', '@parcel/watcher', '@vscode/ripgrep',
  '@vscode/spdlog', '@vscode/deviceid', '@vscode/windows-process-tree', '@vscode/windows-registry',
];
// Of those, the ones the server loads on Linux: a skipped build shows up here, not at run time.
const vscodeModulesToLoad = ['kerberos', 'native-watchdog', 'node-pty', '@vscode/spdlog', '@parcel/watcher'];

/**
 * Installs code-server into .vscode-test/code-server-<version>/ unless a complete
 * install is there. Builds in a temporary folder and renames it into place, so an
 * interrupted attempt never looks complete.
 */
export function ensureCodeServer() {
  removeAbandonedAttempts();
  if (fs.existsSync(marker)) {
    return;
  }
  if (!fs.existsSync('/usr/bin/rg')) {
    throw new Error('code-server needs /usr/bin/rg (Debian package ripgrep); run node test/harness/prepare.mjs');
  }
  fs.mkdirSync(path.dirname(installLog), { recursive: true });
  fs.writeFileSync(installLog, '');
  const work = path.join(vscodeTestDir, `code-server-${codeServerVersion}.partial-${process.pid}`);
  fs.mkdirSync(work, { recursive: true });
  const started = Date.now();
  console.log(`code-server: installing ${codeServerVersion} into ${path.relative(process.cwd(), codeServerDir) || '.'} (first run only, a minute or two; log: ${installLog})`);
  try {
    stepsDone = 0;
    const pkg = path.join(work, 'package');
    const vscode = path.join(pkg, 'lib', 'vscode');
    step(`npm pack code-server@${codeServerVersion}`, 'npm', ['pack', `code-server@${codeServerVersion}`], work);
    step('unpack', 'tar', ['-xzf', `code-server-${codeServerVersion}.tgz`], work);
    step('VS Code server dependencies', 'npm', ['install', '--omit=dev', '--ignore-scripts'], vscode);
    // A binary already in place makes @vscode/ripgrep's postinstall skip its download.
    const rgBin = path.join(vscode, 'node_modules', '@vscode', 'ripgrep', 'bin');
    fs.mkdirSync(rgBin, { recursive: true });
    fs.symlinkSync('/usr/bin/rg', path.join(rgBin, 'rg'));
    allowInstallScripts(vscode, vscodeNativeModules);
    // node-pty's build runs `npx node-gyp`, which must not prompt.
    step('native modules of the VS Code server', 'npm', ['rebuild'], vscode);
    fs.symlinkSync('node_modules', path.join(vscode, 'node_modules.asar'));
    step('loading the native modules', process.execPath, ['-e', requireEach, path.join(vscode, 'package.json'), ...vscodeModulesToLoad], vscode);
    step('built-in extensions dependencies', 'npm', ['install', '--omit=dev'], path.join(vscode, 'extensions'));
    step('code-server dependencies', 'npm', ['install', '--omit=dev', '--ignore-scripts'], pkg);
    allowInstallScripts(pkg, ['argon2']);
    // Named: a bare `npm rebuild` would rerun code-server's own postinstall, which refuses root.
    step('argon2', 'npm', ['rebuild', 'argon2'], pkg);
    step('loading argon2', process.execPath, ['-e', requireEach, path.join(pkg, 'package.json'), 'argon2'], pkg);
    const version = spawnSync(process.execPath, [path.join(pkg, 'out', 'node', 'entry.js'), '--version'], {
      encoding: 'utf8',
      env: { ...process.env, ...xdgEnv(path.join(work, 'state')) },
    });
    if (!version.stdout.includes(`${codeServerVersion} `) || !version.stdout.includes(`with Code ${vscodeVersion}`)) {
      throw new Error(`code-server --version printed ${JSON.stringify(version.stdout + version.stderr)}`);
    }
    fs.writeFileSync(path.join(pkg, '.installed'), version.stdout);
    fs.rmSync(codeServerDir, { recursive: true, force: true });
    fs.renameSync(pkg, codeServerDir);
    console.log(`code-server: ready (${version.stdout.trim().split('\n').pop()}) in ${elapsed(started)}`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

// Requires each module named after the package.json path given as first argument.
const requireEach = "const r = require('node:module').createRequire(process.argv[1]); for (const m of process.argv.slice(2)) r(m);";

/** The install's steps, counted as they run so the progress lines end at [9/9]. */
const stepCount = 9;
let stepsDone = 0;

/**
 * Runs one install step with its output in the install log, printing its number and duration;
 * throws with the log's tail on failure.
 * @param {string} what
 * @param {string} command
 * @param {string[]} args
 * @param {string} cwd
 */
function step(what, command, args, cwd) {
  stepsDone += 1;
  const started = Date.now();
  console.log(`code-server: [${stepsDone}/${stepCount}] ${what}`);
  fs.appendFileSync(installLog, `\n$ (cd ${cwd} && ${command} ${args.join(' ')})\n`);
  const log = fs.openSync(installLog, 'a');
  try {
    const result = spawnSync(command, args, {
      cwd,
      stdio: ['ignore', log, log],
      env: { ...process.env, npm_config_yes: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' },
    });
    if (result.status !== 0) {
      const tail = fs.readFileSync(installLog, 'utf8').split('\n').slice(-25).join('\n');
      throw new Error(`code-server install step "${what}" failed (${result.error?.message ?? `exit ${result.status ?? result.signal}`}); end of ${installLog}:\n${tail}`);
    }
  } finally {
    fs.closeSync(log);
  }
  console.log(`code-server: [${stepsDone}/${stepCount}] done in ${elapsed(started)}`);
}

/**
 * Records in a package.json the dependencies whose install scripts may run (npm 11's allowScripts).
 * @param {string} dir
 * @param {string[]} names
 */
function allowInstallScripts(dir, names) {
  const file = path.join(dir, 'package.json');
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
  manifest.allowScripts = Object.fromEntries(names.map((name) => [name, true]));
  fs.writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
}

/** Removes partial installs whose process is gone (killed or crashed mid-install). */
function removeAbandonedAttempts() {
  const prefix = `code-server-${codeServerVersion}.partial-`;
  const names = fs.existsSync(vscodeTestDir) ? fs.readdirSync(vscodeTestDir) : [];
  for (const name of names) {
    if (name.startsWith(prefix) && !isRunning(name.slice(prefix.length))) {
      fs.rmSync(path.join(vscodeTestDir, name), { recursive: true, force: true });
    }
  }
}

/**
 * Whether a process runs; a killed one that nobody has reaped yet (a zombie) does not.
 * @param {string} pid
 */
function isRunning(pid) {
  try {
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/**
 * Keeps code-server's config file and logs in `stateDir` instead of the home folder.
 * @param {string} stateDir
 */
function xdgEnv(stateDir) {
  return { XDG_CONFIG_HOME: path.join(stateDir, 'config'), XDG_DATA_HOME: path.join(stateDir, 'data') };
}

/**
 * The arguments that put all of code-server's state under `stateDir`.
 * @param {string} stateDir
 */
function stateArgs(stateDir) {
  return ['--user-data-dir', path.join(stateDir, 'user-data'), '--extensions-dir', path.join(stateDir, 'extensions')];
}

/**
 * Runs a one-shot code-server command (e.g. `--install-extension x.vsix`) on the state in `stateDir`.
 * @param {string} stateDir
 * @param {string[]} args
 * @returns {number | null} the exit code
 */
export function codeServerCli(stateDir, args) {
  const result = spawnSync(process.execPath, [entry, ...stateArgs(stateDir), ...args], {
    stdio: 'inherit',
    env: { ...process.env, ...xdgEnv(stateDir) },
  });
  return result.status;
}

/**
 * A running code-server.
 * @typedef {object} CodeServer
 * @property {string} url the workbench's address, ending in `/`
 * @property {number} port
 * @property {import('node:child_process').ChildProcess} child
 * @property {Promise<void>} exited resolves when the server process has exited
 * @property {string} stateDir user data, extensions, config, logs
 * @property {string | undefined} temporaryStateDir removed on stop
 */

/** @type {Set<number>} process groups of the servers still running, killed if this process exits early */
const running = new Set();
process.on('exit', () => {
  for (const pid of running) {
    killGroup(pid, 'SIGKILL');
  }
});

/**
 * Starts code-server on 127.0.0.1 and resolves once it answers HTTP.
 * @param {object} options
 * @param {boolean} options.disableWorkspaceTrust false to open folders untrusted until the user trusts them
 * @param {string} [options.stateDir] user data, extensions, config; a fresh temporary one when absent
 * @param {number} [options.port] a free port when absent
 * @param {string} [options.folder] the folder the workbench opens by default
 * @param {string} [options.logFile] where the server's output goes; the terminal when absent
 * @param {Record<string, string>} [options.env] extra environment, seen by the extension host too
 * @returns {Promise<CodeServer>}
 */
export async function startCodeServer(options) {
  const stateDir = options.stateDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'lambda-workbench-code-server-'));
  const temporaryStateDir = options.stateDir === undefined ? stateDir : undefined;
  /** @type {Record<string, string>} */
  const tmpEnv = {};
  if (temporaryStateDir !== undefined) {
    // A throwaway server keeps its sockets (VS Code's IPC handles, git's askpass) with its state.
    tmpEnv['TMPDIR'] = path.join(stateDir, 'tmp');
    fs.mkdirSync(tmpEnv['TMPDIR']);
  }
  const port = options.port ?? (await freePort());
  const args = [
    entry,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    ...stateArgs(stateDir),
    '--disable-telemetry',
    '--disable-update-check',
    ...(options.disableWorkspaceTrust ? ['--disable-workspace-trust'] : []),
    ...(options.folder === undefined ? [] : [options.folder]),
  ];
  const log = options.logFile === undefined ? undefined : openLog(options.logFile);
  // Its own process group, so that stopping it also stops the extension host and language server.
  const child = spawn(process.execPath, args, {
    detached: true,
    stdio: ['ignore', log ?? 'inherit', log ?? 'inherit'],
    env: { ...process.env, ...xdgEnv(stateDir), ...tmpEnv, ...options.env },
  });
  if (log !== undefined) {
    fs.closeSync(log);
  }
  const pid = child.pid;
  if (pid === undefined) {
    throw new Error('code-server did not start');
  }
  running.add(pid);
  /** @type {Promise<void>} */
  const exited = new Promise((resolve) => child.once('exit', () => resolve()));
  const server = { url: `http://127.0.0.1:${port}/`, port, child, exited, stateDir, temporaryStateDir };
  try {
    await waitUntil(async () => {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`code-server exited (${child.exitCode ?? child.signalCode}) before serving${options.logFile === undefined ? '' : `; see ${options.logFile}`}`);
      }
      return (await httpStatus(`${server.url}healthz`)) === 200;
    }, { timeoutMs: 60_000, intervalMs: 100, what: `code-server on port ${port}` });
  } catch (error) {
    await stopCodeServer(server);
    throw error;
  }
  return server;
}

/**
 * Stops a code-server with everything it started, and removes its temporary state.
 * @param {CodeServer} server
 */
export async function stopCodeServer(server) {
  const pid = server.child.pid;
  if (pid !== undefined) {
    if (server.child.exitCode === null && server.child.signalCode === null) {
      killGroup(pid, 'SIGTERM');
      const timer = setTimeout(() => killGroup(pid, 'SIGKILL'), 5_000);
      await server.exited;
      clearTimeout(timer);
    }
    // Children that outlived the server (extension host, language server).
    killGroup(pid, 'SIGKILL');
    running.delete(pid);
  }
  if (server.temporaryStateDir !== undefined) {
    fs.rmSync(server.temporaryStateDir, { recursive: true, force: true });
  }
}

/**
 * @param {number} pid
 * @param {NodeJS.Signals} signal
 */
function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // ESRCH: the group is gone already.
  }
}

/** @param {string} file */
function openLog(file) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  return fs.openSync(file, 'w');
}

/**
 * @param {string} url
 * @returns {Promise<number | undefined>} the status, undefined when nothing answers
 */
export function httpStatus(url) {
  return new Promise((resolve) => {
    const request = http.get(url, (response) => {
      response.resume();
      resolve(response.statusCode);
    });
    request.setTimeout(2_000, () => request.destroy());
    request.on('error', () => resolve(undefined));
  });
}

/** @returns {Promise<number>} a port on 127.0.0.1 that nothing listens on right now */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (address !== null && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * @param {number} port
 * @returns {Promise<boolean>} whether the port can be listened on, on 127.0.0.1
 */
export function isPortFree(port) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}
