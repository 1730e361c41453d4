import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { UserCodeSyntaxError } from './errors';

/** How Node heads a syntax error it can place: `FILE:LINE`, then the source line and a caret under the column. */
const head = /^((?:\/|[A-Za-z]:[\\/]|file:\/\/).+):(\d+)$/;

/**
 * A syntax error in user code, named as Lambda names it, with its place as the
 * trace's first frame, where editors and terminals find it (Lambda's runtime
 * says nowhere). Node places one in a CommonJS file in the error's stack; for an
 * ES module graph it says nothing, so the modules `moduleFile` imports are
 * parsed again, without running, to find the file (runtime-module-check.js),
 * and `node --check` gives the place in it. On this failure path only.
 */
export function userCodeSyntaxError(error: SyntaxError, moduleFile?: string): Error {
  const located = new UserCodeSyntaxError(String(error));
  const place = placeIn(error.stack ?? '') ?? (moduleFile !== undefined ? placeIn(checkedSyntax(unparsableModule(moduleFile) ?? moduleFile)) : undefined);
  if (place && located.stack) {
    const [message, ...frames] = located.stack.split('\n');
    located.stack = [message, `    at ${place}`, ...frames].join('\n');
  }
  return located;
}

function placeIn(text: string): string | undefined {
  const [first, , caret] = text.split('\n');
  const match = head.exec(first ?? '');
  if (!match) return undefined;
  const column = caret !== undefined && /^\s*\^/.test(caret) ? caret.indexOf('^') + 1 : 1;
  return `${match[1]}:${match[2]}:${column}`;
}

// Without NODE_OPTIONS: under a debugger they hold its bootloader, which would attach to these checks too.
const checkOptions = { encoding: 'utf8', timeout: 10_000, env: { ...process.env, NODE_OPTIONS: '' } } as const;

function checkedSyntax(file: string): string {
  const check = spawnSync(process.execPath, ['--check', file], { ...checkOptions, stdio: ['ignore', 'ignore', 'pipe'] });
  return check.status === 0 ? '' : (check.stderr ?? '');
}

/** The first module of the graph that does not parse, or undefined (none found, or the check could not run). */
function unparsableModule(entry: string): string | undefined {
  const check = spawnSync(process.execPath, ['--experimental-vm-modules', '--no-warnings', join(__dirname, 'runtime-module-check.js'), entry], { ...checkOptions, stdio: ['ignore', 'pipe', 'ignore'] });
  return check.status === 0 && check.stdout ? check.stdout : undefined;
}
