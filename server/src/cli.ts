#!/usr/bin/env node
import { exitCodes } from './cli/command';
import { main } from './cli/main';

main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdoutBytes: (bytes) => process.stdout.write(bytes),
  stderrIsTerminal: process.stderr.isTTY === true,
}).then(
  (code) => exitWhenWritten(code),
  (error: unknown) => {
    process.stderr.write(`lambda-workbench: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    exitWhenWritten(exitCodes.internal);
  },
);

/**
 * Exits once stdout and stderr have taken everything written. The answer is
 * out by then; what may still be winding down (an environment's process, sent
 * SIGKILL, being torn down by the kernel) must not hold the prompt.
 */
function exitWhenWritten(code: number): void {
  let pending = 2;
  const written = () => {
    if (--pending === 0) process.exit(code);
  };
  process.stdout.write('', written);
  process.stderr.write('', written);
}
