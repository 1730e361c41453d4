import { spawnSync } from 'node:child_process';
import { UserCodeSyntaxError } from './errors';

/** How Node heads a syntax error it can place: `FILE:LINE`, then the source line and a caret under the column. */
const head = /^((?:\/|[A-Za-z]:[\\/]|file:\/\/).+):(\d+)$/;

/**
 * A syntax error in user code, named as Lambda names it, with its place as the
 * first line of the trace, where editors and terminals find it (Lambda's runtime
 * says nowhere). Node places one in a CommonJS file in the error's stack; for an
 * ES module it says nothing, so `moduleFile`, the module being imported, is
 * checked again with `node --check` (on this failure path only). A syntax error
 * in a module it imports stays without a place.
 */
export function userCodeSyntaxError(error: SyntaxError, moduleFile?: string): Error {
  const located = new UserCodeSyntaxError(String(error));
  const place = placeIn(error.stack ?? '') ?? (moduleFile !== undefined ? placeIn(checkedSyntax(moduleFile)) : undefined);
  if (place && located.stack) located.stack = located.stack.replace(/\n|$/, `\n    at ${place}\n`).replace(/\n$/, '');
  return located;
}

function placeIn(text: string): string | undefined {
  const [first, , caret] = text.split('\n');
  const match = head.exec(first ?? '');
  if (!match) return undefined;
  const column = caret !== undefined && /^\s*\^/.test(caret) ? caret.indexOf('^') + 1 : 1;
  return `${match[1]}:${match[2]}:${column}`;
}

function checkedSyntax(file: string): string {
  // Without NODE_OPTIONS: under a debugger they hold its bootloader, which would attach to this check too.
  const check = spawnSync(process.execPath, ['--check', file], { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NODE_OPTIONS: '' } });
  return check.status === 0 ? '' : (check.stderr ?? '');
}
