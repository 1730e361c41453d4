import type { WildcardPart } from '../../wildcard/match';
import type { RequestContext } from './request';

/** A string with its policy variables filled from the request: as text, and as wildcard parts where the filled-in values are literal. */
export type Substituted =
  | { readonly ok: true; readonly text: string; readonly parts: readonly WildcardPart[] }
  | { readonly ok: false; readonly reason: string; readonly missing: string | undefined };

/** `${*}`, `${?}` and `${$}` stand for the literal characters. */
const specials = new Set(['*', '?', '$']);

/**
 * Fills `${key}` and `${key, 'default'}` from the request context. A key the
 * request lacks (without a default) or gives several values leaves the string
 * unusable, as IAM then matches nothing with it.
 */
export function substitute(value: string, context: RequestContext): Substituted {
  const parts: WildcardPart[] = [];
  let text = '';
  const literal = (s: string) => {
    text += s;
    for (const char of s) parts.push({ kind: 'char', char });
  };
  let i = 0;
  while (i < value.length) {
    const open = value.indexOf('${', i);
    const close = open < 0 ? -1 : value.indexOf('}', open);
    const plain = value.slice(i, open < 0 || close < 0 ? value.length : open);
    for (const char of plain) {
      text += char;
      parts.push(char === '*' ? { kind: 'any' } : char === '?' ? { kind: 'one' } : { kind: 'char', char });
    }
    if (open < 0 || close < 0) break;
    const inner = value.slice(open + 2, close);
    i = close + 1;
    if (specials.has(inner)) {
      literal(inner);
      continue;
    }
    const comma = inner.indexOf(',');
    const name = (comma < 0 ? inner : inner.slice(0, comma)).trim();
    const fallback = comma < 0 ? undefined : /^\s*'(.*)'\s*$/.exec(inner.slice(comma + 1))?.[1];
    const values = context.get(name.toLowerCase());
    if (values && values.length > 1) return { ok: false, reason: `\${${name}} has ${values.length} values in the request; a policy variable takes one`, missing: undefined };
    const filled = values?.[0] ?? fallback;
    if (filled === undefined) return { ok: false, reason: `\${${name}} is not in the request`, missing: name };
    literal(filled);
  }
  return { ok: true, text, parts };
}
