/**
 * Finds the exported functions in JavaScript/TypeScript source that look like
 * Lambda handlers, for the "Invoke handler" code lens. A lexical scan, not a
 * parser: comments and string contents are blanked first so commented-out or
 * quoted code never matches, and offsets stay those of the original text.
 */

/** One exported handler: its export name and where that name is written. */
export interface DetectedHandler {
  readonly exportName: string;
  readonly offset: number;
  readonly length: number;
}

const patterns: readonly RegExp[] = [
  // exports.handler = ..., module.exports.handler = ...
  /^[ \t]*(?:module\.)?exports\.([A-Za-z_$][\w$]*)\s*=(?!=)\s*(.{0,200})/dgm,
  // export const handler = ..., export let/var
  /^[ \t]*export\s+(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::[^=]{1,200})?=(?!=)\s*(.{0,200})/dgm,
  // export function handler(, export async function handler(, export function* is not a handler
  /^[ \t]*export\s+(?:async\s+)?function\s+([A-Za-z_$][\w$]*)\s*(?:<[^>]*>)?\s*(\(.{0,200})/dgm,
];

/** `module.exports = { handler, other: fn }`: the object's keys, when it is a literal on that line or the next ones. */
const moduleExportsObject = /^[ \t]*module\.exports\s*=\s*\{([^}]*)\}/gm;

/** Names Lambda handlers are conventionally given. */
const handlerName = /handler|^handle[A-Z_]|^main$|^lambda/i;
/** A first parameter named like an event. */
const eventParameter = /^\s*(?:async\s*)?(?:function\s*[\w$]*\s*)?\(?\s*_?(?:event|evt|e|request|req|input|payload)\b/i;
/**
 * An arrow function, or an async function, that takes nothing: a handler that
 * ignores its event (scheduled jobs, the failure cases of examples/handlers/errors.js).
 * A plain `function name()` stays a helper: too many of those are.
 */
const noParameterFunction = /^\s*(?:async\s*(?:function\s*[\w$]*\s*)?\(\s*\)|\(\s*\)\s*=>)/;
/** The value is a function, or a call that wraps one (middy(fn), Sentry.wrapHandler(fn)). */
const functionValue = /^(?:async\b|function\b|\(|[A-Za-z_$][\w$]*\s*=>|[A-Za-z_$][\w$.]*\s*\()/;

export function detectHandlers(source: string): DetectedHandler[] {
  const text = blankCommentsAndStrings(source);
  const found = new Map<string, DetectedHandler>();
  const add = (name: string, offset: number) => {
    if (!found.has(name)) found.set(name, { exportName: name, offset, length: name.length });
  };
  for (const pattern of patterns) {
    for (const match of text.matchAll(pattern)) {
      const name = match[1] ?? '';
      const rest = match[2] ?? '';
      const isFunctionDeclaration = pattern === patterns[2];
      if (!isFunctionDeclaration && !functionValue.test(rest)) continue;
      const value = isFunctionDeclaration ? rest : stripCallPrefix(rest);
      if (!handlerName.test(name) && !eventParameter.test(value) && !(!isFunctionDeclaration && noParameterFunction.test(rest))) continue;
      add(name, match.indices?.[1]?.[0] ?? match.index ?? 0);
    }
  }
  for (const match of text.matchAll(moduleExportsObject)) {
    const body = match[1] ?? '';
    const bodyStart = (match.index ?? 0) + match[0].indexOf('{') + 1;
    for (const key of body.matchAll(/(?:^|,)\s*([A-Za-z_$][\w$]*)\s*(?=[,:(]|$)/g)) {
      const name = key[1] ?? '';
      if (handlerName.test(name)) add(name, bodyStart + (key.index ?? 0) + key[0].indexOf(name));
    }
  }
  return [...found.values()].sort((a, b) => a.offset - b.offset);
}

/** `async (event) =>` stays; `middy(async (event) =>` loses the call so the parameter test sees the function. */
function stripCallPrefix(value: string): string {
  return value.replace(/^[A-Za-z_$][\w$.]*\s*\(\s*/, '');
}

/** Replaces comments and the insides of string and template literals with spaces, keeping offsets and newlines. */
export function blankCommentsAndStrings(source: string): string {
  const out = source.split('');
  const blank = (from: number, to: number) => {
    for (let i = from; i < to; i++) if (out[i] !== '\n') out[i] = ' ';
  };
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    const next = source[i + 1];
    if (c === '/' && next === '/') {
      const end = source.indexOf('\n', i);
      const stop = end < 0 ? source.length : end;
      blank(i, stop);
      i = stop;
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end < 0 ? source.length : end + 2;
      blank(i, stop);
      i = stop;
    } else if (c === '"' || c === "'" || c === '`') {
      let j = i + 1;
      while (j < source.length && source[j] !== c) {
        if (source[j] === '\\') j++;
        else if (c !== '`' && source[j] === '\n') break;
        j++;
      }
      blank(i + 1, Math.min(j, source.length));
      i = j + 1;
    } else {
      i++;
    }
  }
  return out.join('');
}
