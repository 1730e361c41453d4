/**
 * Whole-string matching of wildcard patterns, `*` (any run of characters,
 * none included) and `?` (exactly one), in time linear in the text: the
 * pattern is cut at its stars into segments; the first and last are compared
 * in place, the middle ones found leftmost with a bit-parallel scan
 * (Shift-And) that never looks back, so no input makes it backtrack.
 * Characters are UTF-16 code units, as JavaScript strings index them.
 */

/** A pattern as a list of parts: a literal character, `?` or `*`. */
export type WildcardPart = { readonly kind: 'char'; readonly char: string } | { readonly kind: 'one' } | { readonly kind: 'any' };

export interface WildcardOptions {
  /** Compare ASCII letters without regard to case (other characters as they are). */
  readonly caseInsensitive?: boolean;
  /** `\*` and `\?` stand for the literal characters. */
  readonly escapes?: boolean;
  /** Characters a `?` does not match (pattern inclusion reads a `*` in the text as a wildcard, which only `*` absorbs). */
  readonly oneRejects?: string;
}

/** Work done by matches, in character comparisons and scan steps: tests bound it, never wall time. */
export interface MatchMeter {
  steps: number;
}

/** The parts of a pattern written as text. */
export function wildcardParts(pattern: string, escapes = false): WildcardPart[] {
  const parts: WildcardPart[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charAt(i);
    const next = pattern.charAt(i + 1);
    if (escapes && c === '\\' && (next === '*' || next === '?')) {
      parts.push({ kind: 'char', char: next });
      i++;
    } else if (c === '*') parts.push({ kind: 'any' });
    else if (c === '?') parts.push({ kind: 'one' });
    else parts.push({ kind: 'char', char: c });
  }
  return parts;
}

/** A compiled pattern; compile once, match many texts. */
export class WildcardMatcher {
  private readonly segments: readonly Segment[];
  private readonly starred: boolean;
  private readonly fold: boolean;

  constructor(parts: readonly WildcardPart[], options: WildcardOptions = {}) {
    this.fold = options.caseInsensitive === true;
    const rejects = new Set<number>();
    for (const c of options.oneRejects ?? '') rejects.add(foldCode(c.charCodeAt(0), this.fold));
    const segments: Segment[] = [];
    let codes: number[] = [];
    for (const part of parts) {
      if (part.kind === 'any') {
        segments.push(new Segment(codes, rejects));
        codes = [];
      } else codes.push(part.kind === 'one' ? one : foldCode(part.char.charCodeAt(0), this.fold));
    }
    segments.push(new Segment(codes, rejects));
    this.segments = segments;
    this.starred = segments.length > 1;
  }

  /** True when the whole text matches the pattern. */
  matches(text: string, meter?: MatchMeter): boolean {
    return this.run(text, meter ?? matchingWork);
  }

  private run(text: string, work: MatchMeter): boolean {
    const segments = this.segments;
    const first = segments[0] as Segment;
    if (!this.starred) return text.length === first.length && first.matchesAt(text, 0, this.fold, work);
    const last = segments[segments.length - 1] as Segment;
    const end = text.length - last.length;
    if (first.length > end) return false;
    if (!first.matchesAt(text, 0, this.fold, work) || !last.matchesAt(text, end, this.fold, work)) return false;
    let position = first.length;
    for (let i = 1; i < segments.length - 1; i++) {
      const segment = segments[i] as Segment;
      if (segment.length === 0) continue;
      const start = segment.find(text, position, end, this.fold, work);
      if (start < 0) return false;
      position = start + segment.length;
    }
    return true;
  }
}

/** Compiles a pattern written as text. */
export function wildcardMatcher(pattern: string, options: WildcardOptions = {}): WildcardMatcher {
  return new WildcardMatcher(wildcardParts(pattern, options.escapes), options);
}

/** One-off match; compile with wildcardMatcher when the pattern is used again. */
export function matchesWildcard(pattern: string, text: string, options: WildcardOptions = {}): boolean {
  return wildcardMatcher(pattern, options).matches(text);
}

/** Every match's steps that no caller counted itself: tests bound a whole analysis's matching work by its difference. */
export const matchingWork: MatchMeter = { steps: 0 };

/** The code of `?` in a segment (no UTF-16 code unit is negative). */
const one = -1;

function foldCode(code: number, fold: boolean): number {
  return fold && code >= 65 && code <= 90 ? code + 32 : code;
}

/** A run of literal characters and `?` between stars. */
class Segment {
  readonly length: number;
  private readonly codes: readonly number[];
  private readonly rejects: ReadonlySet<number>;
  /** Shift-And tables, built at the first search: bit k of a mask says position k accepts the character. */
  private masks: Map<number, Uint32Array> | undefined;
  private oneMask: Uint32Array | undefined;

  constructor(codes: readonly number[], rejects: ReadonlySet<number>) {
    this.codes = codes;
    this.length = codes.length;
    this.rejects = rejects;
  }

  matchesAt(text: string, at: number, fold: boolean, work: MatchMeter): boolean {
    for (let k = 0; k < this.length; k++) {
      work.steps++;
      const code = this.codes[k] as number;
      const c = foldCode(text.charCodeAt(at + k), fold);
      if (code === one ? this.rejects.has(c) : code !== c) return false;
    }
    return true;
  }

  /** The first start in [from, end - length] where the segment matches, or -1. */
  find(text: string, from: number, end: number, fold: boolean, work: MatchMeter): number {
    const { masks, oneMask } = this.tables();
    const words = oneMask.length;
    const state = new Uint32Array(words);
    const lastWord = (this.length - 1) >>> 5;
    const lastBit = 1 << ((this.length - 1) & 31);
    for (let i = from; i < end; i++) {
      work.steps += words;
      const c = foldCode(text.charCodeAt(i), fold);
      // Rejected characters have their own masks (no `?` bits), so the default is the `?` positions.
      const mask = masks.get(c) ?? oneMask;
      // state = ((state << 1) | 1) & mask, across words.
      let carry = 1;
      for (let w = 0; w < words; w++) {
        const word = state[w] as number;
        state[w] = ((word << 1) | carry) & (mask[w] as number);
        carry = word >>> 31;
      }
      if ((state[lastWord] as number) & lastBit) return i - this.length + 1;
    }
    return -1;
  }

  private tables(): { masks: Map<number, Uint32Array>; oneMask: Uint32Array } {
    if (this.masks && this.oneMask) return { masks: this.masks, oneMask: this.oneMask };
    const words = Math.max(1, Math.ceil(this.length / 32));
    const oneMask = new Uint32Array(words);
    this.codes.forEach((code, k) => {
      if (code === one) oneMask[k >>> 5] = (oneMask[k >>> 5] as number) | (1 << (k & 31));
    });
    const masks = new Map<number, Uint32Array>();
    this.codes.forEach((code, k) => {
      if (code === one) return;
      let mask = masks.get(code);
      if (!mask) {
        mask = this.rejects.has(code) ? new Uint32Array(words) : Uint32Array.from(oneMask);
        masks.set(code, mask);
      }
      mask[k >>> 5] = (mask[k >>> 5] as number) | (1 << (k & 31));
    });
    for (const code of this.rejects) if (!masks.has(code)) masks.set(code, new Uint32Array(words));
    this.masks = masks;
    this.oneMask = oneMask;
    return { masks, oneMask };
  }
}
