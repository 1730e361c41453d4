// Installs the official Lambda Node.js runtime interface client (npm aws-lambda-ric 3.x, the last
// line that runs on Node 20) into .cache/aws-lambda-ric for the conformance test. It is never a
// dependency of the extension or the CLI. Its install builds curl and aws-lambda-cpp from source
// archives inside the package: Debian's cmake, autoconf, automake, libtool and g++ must be present.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const version = '3.3.0';
const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../../..');
export const cacheDir = join(repoRoot, '.cache/aws-lambda-ric');
export const entry = join(cacheDir, 'node_modules/aws-lambda-ric/bin/index.mjs');

/** The build tools, each with the Debian package that brings it. */
const tools = { cmake: 'cmake', autoconf: 'autoconf', automake: 'automake', libtoolize: 'libtool', 'g++': 'g++', make: 'make' };

/** @param {string} tool */
function has(tool) {
  try {
    execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** @param {number} started a Date.now() value */
function seconds(started) {
  return `${((Date.now() - started) / 1000).toFixed(1)} s`;
}

export function install() {
  if (existsSync(join(cacheDir, 'node_modules/aws-lambda-ric/dist/rapid-client.node'))) return entry;
  const missing = Object.entries(tools)
    .filter(([tool]) => !has(tool))
    .map(([, debianPackage]) => debianPackage);
  if (missing.length) {
    const command = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`;
    if (process.getuid?.() !== 0) throw new Error(`aws-lambda-ric ${version} builds native code and needs ${missing.join(', ')}; as root run: ${command}`);
    process.stderr.write(`installing Debian packages ${missing.join(', ')} to build aws-lambda-ric\n`);
    const aptStarted = Date.now();
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'], env });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: ['ignore', 'ignore', 'inherit'], env });
    process.stderr.write(`Debian packages installed in ${seconds(aptStarted)}\n`);
  }
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(join(cacheDir, 'package.json'), '{ "private": true }\n');
  process.stderr.write(`installing aws-lambda-ric@${version} into ${cacheDir} (builds native code, about two minutes)\n`);
  const started = Date.now();
  execFileSync('npm', ['install', '--no-audit', '--no-fund', `aws-lambda-ric@${version}`], { cwd: cacheDir, stdio: ['ignore', 'ignore', 'inherit'] });
  process.stderr.write(`aws-lambda-ric@${version} built in ${seconds(started)}\n`);
  return entry;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  install();
  process.stdout.write(`${entry}\n`);
}
