// @ts-check
// `npm start`: packages the extension, installs the .vsix into a code-server whose state
// is kept in .vscode-test/start/, and serves it on 127.0.0.1 with examples/ open, until
// Ctrl-C. The port is $PORT, else 8080, else any free one.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { examplesDir, fail, repoRoot, vscodeTestDir } from './common.mjs';
import { codeServerCli, codeServerVersion, ensureCodeServer, freePort, isPortFree, startCodeServer, stopCodeServer } from './code-server.mjs';

const stateDir = path.join(vscodeTestDir, 'start');
const serverLog = path.join(stateDir, 'code-server.log');
/** @type {{ name: string, version: string }} */
const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const vsix = path.join(repoRoot, `${manifest.name}-${manifest.version}.vsix`);

console.log('start: npm run package');
const packaged = spawnSync('npm', ['run', 'package'], { cwd: repoRoot, stdio: 'inherit' });
if (packaged.status !== 0) {
  fail(`npm run package failed (exit ${packaged.status ?? packaged.signal})`);
}
if (!fs.existsSync(vsix)) {
  fail(`npm run package did not produce ${path.basename(vsix)}`);
}
try {
  ensureCodeServer();
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
console.log(`start: installing ${path.basename(vsix)} into ${path.relative(repoRoot, stateDir)}/`);
if (codeServerCli(stateDir, ['--install-extension', vsix, '--force']) !== 0) {
  fail(`code-server could not install ${path.basename(vsix)}`);
}

const wantedPort = Number(process.env['PORT'] ?? 8080);
if (!Number.isInteger(wantedPort) || wantedPort < 1 || wantedPort > 65535) {
  fail(`PORT=${process.env['PORT']} is not a port number`);
}
const port = (await isPortFree(wantedPort)) ? wantedPort : await freePort();
if (port !== wantedPort) {
  console.log(`start: port ${wantedPort} is busy; using ${port}`);
}
/** @type {import('./code-server.mjs').CodeServer | undefined} */
let server;
let stopping = false;
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
  process.once(signal, () => {
    stopping = true;
    console.log(`\nstart: ${signal}, stopping code-server`);
    // Stopped here, or by code-server.mjs's exit hook if it is still starting.
    void (server === undefined ? Promise.resolve() : stopCodeServer(server)).finally(() => process.exit(0));
  });
}
// Workspace trust stays on, as for a user: running handlers waits for "Trust".
server = await startCodeServer({ disableWorkspaceTrust: false, stateDir, port, folder: examplesDir, logFile: serverLog });
const folder = encodeURIComponent(examplesDir).replaceAll('%2F', '/');
console.log(`start: Lambda Workbench ${manifest.version} in code-server ${codeServerVersion}; open ${server.url}?folder=${folder}`);
console.log(`start: server log in ${path.relative(repoRoot, serverLog)}; Ctrl-C stops`);
await server.exited;
if (!stopping) {
  fail(`code-server stopped on its own (exit ${server.child.exitCode ?? server.child.signalCode}); see ${serverLog}`);
}
