// @ts-check
// Runs before each test tier (`node test/harness/prepare-tier.mjs unit|runtime|lsp|vscode`), so
// one tier works on a fresh clone: prepares what the tier needs (prepare.mjs: npm ci; for the
// VS Code tier also Debian packages and code-server), then builds dist/ and compiles out/ when a source is newer than the last build
// this script made. When nothing changed it costs a file walk, well under a second.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { elapsed, fail, repoRoot } from './common.mjs';
import { prepare } from './prepare.mjs';

const tiers = ['unit', 'runtime', 'lsp', 'vscode'];
const tier = process.argv[2] ?? '';
if (!tiers.includes(tier)) fail(`usage: node test/harness/prepare-tier.mjs ${tiers.join('|')}`);
prepare({ vscode: tier === 'vscode' });

const stamp = path.join(repoRoot, 'out', '.tier-build-stamp');
// What the build and tsc read: sources, not the fixtures the tests read (or write, as Python's
// __pycache__) at run time.
const sourceDirs = ['client/src', 'server/src', 'test', 'bench', 'tools'];
const sourceFiles = ['esbuild.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'];
const skippedDirs = new Set(['fixtures', '__pycache__', 'node_modules']);
const sourceFile = /\.(?:[cm]?ts|[cm]?js|json)$/;

const reason = buildStaleness();
if (reason !== undefined) {
  const started = Date.now();
  console.log(`prepare: building dist/ and out/ (${reason})`);
  for (const script of ['build', 'compile-tests']) {
    const stepStarted = Date.now();
    const result = spawnSync('npm', ['run', '--silent', script], { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'] });
    if (result.status !== 0) fail(`npm run ${script} failed (exit ${result.status ?? result.signal})`);
    console.log(`prepare: npm run ${script} done in ${elapsed(stepStarted)}`);
  }
  fs.writeFileSync(stamp, `${new Date().toISOString()}\n`);
  console.log(`prepare: built in ${elapsed(started)}`);
}

/** @returns {string | undefined} why dist/ and out/ must be rebuilt, undefined when current */
function buildStaleness() {
  const built = fs.statSync(stamp, { throwIfNoEntry: false });
  if (!built) return 'no build made by the test tiers yet';
  if (!fs.existsSync(path.join(repoRoot, 'dist', 'extension.js'))) return 'dist/ is missing';
  const newer = newestSource();
  return newer && newer.mtimeMs > built.mtimeMs ? `${path.relative(repoRoot, newer.file)} changed` : undefined;
}

/** @returns {{ file: string, mtimeMs: number } | undefined} */
function newestSource() {
  /** @type {{ file: string, mtimeMs: number } | undefined} */
  let newest;
  /** @param {string} file */
  const consider = (file) => {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat && (!newest || stat.mtimeMs > newest.mtimeMs)) newest = { file, mtimeMs: stat.mtimeMs };
  };
  /** @param {string} dir */
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!skippedDirs.has(entry.name)) walk(full);
      } else if (sourceFile.test(entry.name)) consider(full);
    }
  };
  for (const dir of sourceDirs) if (fs.existsSync(path.join(repoRoot, dir))) walk(path.join(repoRoot, dir));
  for (const file of sourceFiles) consider(path.join(repoRoot, file));
  return newest;
}
