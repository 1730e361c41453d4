import type { DetectedHandler } from '../handler-detection';

/** A module-level `def` (Lambda calls a module's function; methods and nested functions are not handlers). */
const topLevelDef = /^def[ \t]+([A-Za-z_]\w*)[ \t]*\(([^)]*)\)/gm;

/** Names Lambda handlers are conventionally given. */
const handlerName = /handler|^handle_|^main$|^lambda/i;
/** A first parameter named like an event. */
const eventParameter = /^\s*_?(?:event|evt|e|request|req|payload|input)\b/;

/**
 * The functions of Python source that look like Lambda handlers, for the
 * "Invoke handler" lens: module-level `def name(event, context)` (two
 * parameters, the first named like an event), or a handler-like name.
 * Strings and comments are no concern: a `def` at the start of a line in a
 * triple-quoted string is rare enough to lens.
 */
export function detectPythonHandlers(source: string): DetectedHandler[] {
  const found: DetectedHandler[] = [];
  for (const match of source.matchAll(topLevelDef)) {
    const name = match[1] ?? '';
    const parameters = (match[2] ?? '').split(',').map((p) => p.trim()).filter(Boolean);
    const lambdaShaped = parameters.length === 2 && eventParameter.test(parameters[0] ?? '');
    if (!lambdaShaped && !(handlerName.test(name) && parameters.length <= 2)) continue;
    if (found.some((h) => h.exportName === name)) continue;
    found.push({ exportName: name, offset: (match.index ?? 0) + match[0].indexOf(name, 3), length: name.length });
  }
  return found;
}
