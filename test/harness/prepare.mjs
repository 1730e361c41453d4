// @ts-check
// Makes a clone ready for `npm test` and `npm start`, on a fresh machine too:
// Debian packages, npm dependencies, code-server. Runs before `npm ci`, so it
// uses Node built-ins only; it takes well under a second when all is in place.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { elapsed, fail, repoRoot } from './common.mjs';
import { ensureCodeServer } from './code-server.mjs';

// chromium: the headless browser for the workbench; libkrb5-dev: headers for code-server's
// kerberos module; ripgrep: VS Code's search binary (its npm package would download it).
const debianPackages = ['chromium', 'libkrb5-dev', 'ripgrep'];

/**
 * Everything `npm start` and the VS Code tier need; `vscode: false` (the unit, runtime and
 * language server tiers) stops after the npm dependencies.
 * @param {{ vscode: boolean }} needs
 */
export function prepare(needs) {
  if (needs.vscode) ensureDebianPackages();
  ensureNodeModules();
  if (!needs.vscode) return;
  try {
    ensureCodeServer();
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) prepare({ vscode: true });

function ensureDebianPackages() {
  const missing = missingDebianPackages();
  if (missing.length === 0) {
    return;
  }
  const command = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  if (process.getuid?.() !== 0) {
    fail(`missing Debian packages ${missing.join(', ')}; as root run: ${command}`);
  }
  console.log(`prepare: installing Debian packages ${missing.join(', ')} (apt-get update, then install)`);
  const started = Date.now();
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', '--no-install-recommends', ...missing]]) {
    const result = spawnSync('apt-get', args, { stdio: ['ignore', 'inherit', 'inherit'], env });
    if (result.status !== 0) {
      fail(`apt-get ${args[0]} failed (exit ${result.status ?? result.signal}); try by hand: ${command}`);
    }
    console.log(`prepare: apt-get ${args[0]} done in ${elapsed(started)}`);
  }
}

/** Reads dpkg's status database directly: much faster than spawning `dpkg -s` for each. */
function missingDebianPackages() {
  const statusFile = '/var/lib/dpkg/status';
  if (!fs.existsSync(statusFile)) {
    fail(`no dpkg on this machine: install ${debianPackages.join(', ')} (Debian names) by hand`);
  }
  const status = fs.readFileSync(statusFile, 'utf8');
  return debianPackages.filter((name) => !new RegExp(`^Package: ${name}\\n(?:[^\\n]+\\n)*?Status: install ok installed$`, 'm').test(status));
}

function ensureNodeModules() {
  const reason = nodeModulesStaleness();
  if (reason === undefined) {
    return;
  }
  console.log(`prepare: npm ci (${reason})`);
  const started = Date.now();
  const result = spawnSync('npm', ['ci'], { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) {
    fail(`npm ci failed (exit ${result.status ?? result.signal})`);
  }
  console.log(`prepare: npm ci done in ${elapsed(started)}`);
}

/**
 * Compares package-lock.json with the tree npm last installed (its hidden lockfile).
 * @returns {string | undefined} why node_modules must be reinstalled, undefined when current
 */
function nodeModulesStaleness() {
  const hiddenFile = path.join(repoRoot, 'node_modules', '.package-lock.json');
  if (!fs.existsSync(hiddenFile)) {
    return 'node_modules is missing';
  }
  /** @type {Record<string, { version?: string, optional?: boolean }>} */
  const wanted = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package-lock.json'), 'utf8')).packages ?? {};
  /** @type {Record<string, { version?: string }>} */
  const installed = JSON.parse(fs.readFileSync(hiddenFile, 'utf8')).packages ?? {};
  for (const [location, entry] of Object.entries(wanted)) {
    // The root entry describes the project itself; optional ones for other platforms are never installed.
    if (location === '' || (entry.optional && installed[location] === undefined)) {
      continue;
    }
    if (installed[location]?.version !== entry.version) {
      return `${location} ${entry.version ?? ''} is not installed`;
    }
  }
  const extra = Object.keys(installed).find((location) => wanted[location] === undefined);
  return extra === undefined ? undefined : `${extra} is no longer in package-lock.json`;
}
