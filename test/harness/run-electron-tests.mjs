// @ts-check
// Runs the integration suite in desktop VS Code through @vscode/test-electron: the same
// suite as run-vscode-tests.mjs, for machines that have (or can download) desktop VS Code.
//   [VSCODE_EXECUTABLE_PATH=/path/to/code] node test/harness/run-electron-tests.mjs [--folder <path>] [--grep <pattern>]
// Without VSCODE_EXECUTABLE_PATH, test-electron downloads the latest stable VS Code into .vscode-test/.
import fs from 'node:fs';
import { runTests, TestRunFailedError } from '@vscode/test-electron';
import { fail, grepEnvVar, parseTierOptions, repoRoot, testsEntry } from './common.mjs';

const options = parseTierOptions(process.argv.slice(2));
if (!options.trusted) {
  // test-electron always passes --disable-workspace-trust.
  fail('--untrusted needs the code-server tier: node test/harness/run-vscode-tests.mjs --untrusted');
}
const executable = process.env['VSCODE_EXECUTABLE_PATH'];
if (executable !== undefined && !fs.existsSync(executable)) {
  fail(`VSCODE_EXECUTABLE_PATH ${executable} does not exist`);
}

try {
  await runTests({
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: testsEntry,
    // The folder first, so VS Code opens it; the built-in extensions (JSON language features) stay on.
    launchArgs: [options.folder],
    ...(executable === undefined ? {} : { vscodeExecutablePath: executable }),
    ...(options.grep === undefined ? {} : { extensionTestsEnv: { [grepEnvVar]: options.grep } }),
  });
} catch (error) {
  if (error instanceof TestRunFailedError) {
    process.exit(error.code ?? 1);
  }
  fail(`could not run VS Code: ${error instanceof Error ? error.message : String(error)}`);
}
