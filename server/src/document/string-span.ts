import type { TextRange } from './text-range';

/**
 * The text range of `length` characters at `start` of a string's value,
 * given the range of the string as written. How it is written is read from
 * its first character: a JSON or YAML double-quoted string (escapes such as
 * `\"` and `\u0041` make value and text offsets differ), a YAML single-quoted
 * one (`''` is one quote), a block scalar (`|`, `>`: the whole range, lines
 * fold), or a plain YAML scalar (offsets match unless it spans lines).
 */
export function valueSpan(text: string, literal: TextRange, start: number, length: number): TextRange {
  const first = text.charAt(literal.offset);
  if (first === '"') return quotedSpan(literal, start, length, (at) => (text.charAt(at) !== '\\' ? 1 : text.charAt(at + 1) === 'u' ? 6 : 2));
  if (first === "'") return quotedSpan(literal, start, length, (at) => (text.charAt(at) === "'" && text.charAt(at + 1) === "'" ? 2 : 1));
  const raw = text.slice(literal.offset, literal.offset + literal.length);
  if (first === '|' || first === '>' || raw.includes('\n')) return literal;
  const from = literal.offset + Math.min(start, literal.length);
  return { offset: from, length: Math.min(length, literal.offset + literal.length - from) };
}

/** Offsets of each value character between the quotes; `step` says how many text characters one value character takes. */
function quotedSpan(literal: TextRange, start: number, length: number, step: (at: number) => number): TextRange {
  const offsets: number[] = [];
  const end = literal.offset + literal.length - 1;
  for (let at = literal.offset + 1; at < end; at += step(at)) offsets.push(at);
  offsets.push(end);
  const from = offsets[Math.min(start, offsets.length - 1)] ?? literal.offset;
  const to = offsets[Math.min(start + length, offsets.length - 1)] ?? end;
  return { offset: from, length: to - from };
}
