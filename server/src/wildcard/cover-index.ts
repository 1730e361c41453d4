import { covers } from './cover';
import type { MatchMeter } from './match';

/** One pattern of a list, with its position in the list. */
export interface IndexedPattern<T> {
  readonly pattern: string;
  readonly index: number;
  readonly item: T;
}

/**
 * The wildcard patterns of a list, indexed by their literal prefix (before the
 * first wildcard) and literal suffix (after the last): a pattern can only cover
 * a text that starts and ends with those. A lookup tests only the patterns
 * whose prefix and suffix fit, so a list of n entries is checked in about n
 * lookups instead of n² comparisons.
 */
export class CoverIndex<T> {
  private readonly byPrefix = new Map<string, Map<string, Array<IndexedPattern<T>>>>();
  private readonly prefixLengths = new Set<number>();
  private readonly suffixLengths = new Map<string, Set<number>>();

  constructor(private readonly caseInsensitive: boolean) {}

  add(pattern: string, index: number, item: T): void {
    const key = this.caseInsensitive ? foldAscii(pattern) : pattern;
    const first = firstWildcard(key);
    const last = lastWildcard(key);
    if (first < 0) return;
    const prefix = key.slice(0, first);
    const suffix = key.slice(last + 1);
    let bySuffix = this.byPrefix.get(prefix);
    if (!bySuffix) this.byPrefix.set(prefix, (bySuffix = new Map()));
    let list = bySuffix.get(suffix);
    if (!list) bySuffix.set(suffix, (list = []));
    list.push({ pattern, index, item });
    this.prefixLengths.add(prefix.length);
    let lengths = this.suffixLengths.get(prefix);
    if (!lengths) this.suffixLengths.set(prefix, (lengths = new Set()));
    lengths.add(suffix.length);
  }

  /** The first pattern in list order, accepted by `keep`, that covers the text. */
  firstCovering(text: string, keep: (entry: IndexedPattern<T>) => boolean, meter?: MatchMeter): IndexedPattern<T> | undefined {
    const key = this.caseInsensitive ? foldAscii(text) : text;
    let best: IndexedPattern<T> | undefined;
    for (const prefixLength of this.prefixLengths) {
      if (prefixLength > key.length) continue;
      const prefix = key.slice(0, prefixLength);
      const bySuffix = this.byPrefix.get(prefix);
      if (!bySuffix) continue;
      for (const suffixLength of this.suffixLengths.get(prefix) ?? []) {
        if (prefixLength + suffixLength > key.length) continue;
        for (const entry of bySuffix.get(key.slice(key.length - suffixLength)) ?? []) {
          if (meter) meter.steps++;
          // Entries are in list order within a bucket: the first that covers is the bucket's best.
          if (best && entry.index > best.index) break;
          if (keep(entry) && covers(entry.pattern, text, this.caseInsensitive, meter)) {
            best = entry;
            break;
          }
        }
      }
    }
    return best;
  }
}

function firstWildcard(text: string): number {
  const star = text.indexOf('*');
  const one = text.indexOf('?');
  return star < 0 ? one : one < 0 ? star : Math.min(star, one);
}

function lastWildcard(text: string): number {
  return Math.max(text.lastIndexOf('*'), text.lastIndexOf('?'));
}

/** Lower-cases ASCII letters only, as the matcher's case folding does. */
function foldAscii(text: string): string {
  return text.replace(/[A-Z]+/g, (run) => run.toLowerCase());
}
