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
 * first wildcard), literal suffix (after the last) and, where many share
 * those, their longest literal run in between: a pattern can only cover a
 * text that starts and ends with its prefix and suffix and holds its run. A
 * lookup tests only the patterns that fit, so a list of n entries is checked
 * in about n lookups instead of n² comparisons. Patterns equal after case
 * folding are kept once (the first): `keep` must treat them alike.
 */
export class CoverIndex<T> {
  /** The patterns while there are few (most statements list a handful): scanned whole, nothing folded or indexed. */
  private short: Array<IndexedPattern<T>> | undefined = [];
  private index: AffixIndex<T> | undefined;

  constructor(private readonly caseInsensitive: boolean) {}

  add(pattern: string, index: number, item: T): void {
    if (firstWildcard(pattern) < 0) return;
    const entry = { pattern, index, item };
    if (this.short && this.short.length < shortList) return void this.short.push(entry);
    if (!this.index) {
      this.index = new AffixIndex(this.caseInsensitive);
      for (const earlier of this.short ?? []) this.index.add(earlier);
      this.short = undefined;
    }
    this.index.add(entry);
  }

  /** The first pattern in list order, accepted by `keep`, that covers the text. */
  firstCovering(text: string, keep: (entry: IndexedPattern<T>) => boolean, meter?: MatchMeter): IndexedPattern<T> | undefined {
    if (this.index) return this.index.firstCovering(text, keep, meter);
    // A repeated pattern is tested again here: `keep` treats it as it treated the first.
    for (const entry of this.short ?? []) {
      if (meter) meter.steps++;
      if (keep(entry) && covers(entry.pattern, text, this.caseInsensitive, meter)) return entry;
    }
    return undefined;
  }
}

/** The index of a long list of patterns, by literal prefix, suffix and longest run (see CoverIndex). */
class AffixIndex<T> {
  private readonly byPrefix = new Map<string, Map<string, Bucket<T>>>();
  private readonly prefixLengths = new Set<number>();
  private readonly suffixLengths = new Map<string, Set<number>>();
  private readonly seen = new Set<string>();

  constructor(private readonly caseInsensitive: boolean) {}

  /** Adds a pattern holding a wildcard; patterns come in list order. */
  add(entry: IndexedPattern<T>): void {
    const key = this.caseInsensitive ? foldAscii(entry.pattern) : entry.pattern;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const first = firstWildcard(key);
    const last = lastWildcard(key);
    const prefix = key.slice(0, first);
    const suffix = key.slice(last + 1);
    let bySuffix = this.byPrefix.get(prefix);
    if (!bySuffix) this.byPrefix.set(prefix, (bySuffix = new Map()));
    let bucket = bySuffix.get(suffix);
    if (!bucket) bySuffix.set(suffix, (bucket = new Bucket()));
    bucket.add(entry, longestRun(key.slice(first, last + 1)));
    this.prefixLengths.add(prefix.length);
    let lengths = this.suffixLengths.get(prefix);
    if (!lengths) this.suffixLengths.set(prefix, (lengths = new Set()));
    lengths.add(suffix.length);
  }

  firstCovering(text: string, keep: (entry: IndexedPattern<T>) => boolean, meter: MatchMeter | undefined): IndexedPattern<T> | undefined {
    const key = this.caseInsensitive ? foldAscii(text) : text;
    let best: IndexedPattern<T> | undefined;
    for (const prefixLength of this.prefixLengths) {
      if (prefixLength > key.length) continue;
      const prefix = key.slice(0, prefixLength);
      const bySuffix = this.byPrefix.get(prefix);
      if (!bySuffix) continue;
      for (const suffixLength of this.suffixLengths.get(prefix) ?? []) {
        if (prefixLength + suffixLength > key.length) continue;
        const bucket = bySuffix.get(key.slice(key.length - suffixLength));
        if (!bucket) continue;
        for (const entry of bucket.candidates(key.slice(prefixLength, key.length - suffixLength), meter)) {
          if (meter) meter.steps++;
          // Candidates come in list order: the first that covers is the bucket's best.
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

/** Lists of this many wildcards or fewer are scanned whole. */
const shortList = 8;

/** Buckets this small are scanned whole: a run index would cost more than it saves. */
const smallBucket = 8;

/** The patterns of one prefix and suffix, in list order, with their runs indexed once the bucket is large. */
class Bucket<T> {
  private readonly entries: Array<IndexedPattern<T>> = [];
  private readonly runs: string[] = [];
  private byRun: Map<string, Array<IndexedPattern<T>>> | undefined;
  private runLengths: number[] = [];
  private noRun: Array<IndexedPattern<T>> = [];

  add(entry: IndexedPattern<T>, run: string): void {
    this.entries.push(entry);
    this.runs.push(run);
    this.byRun = undefined;
  }

  /** The patterns that may cover a text whose part between prefix and suffix is `middle`, in list order. */
  candidates(middle: string, meter: MatchMeter | undefined): ReadonlyArray<IndexedPattern<T>> {
    if (this.entries.length <= smallBucket) return this.entries;
    const byRun = this.index();
    const found = new Set(this.noRun);
    for (const length of this.runLengths) {
      for (let start = 0; start + length <= middle.length; start++) {
        if (meter) meter.steps++;
        for (const entry of byRun.get(middle.slice(start, start + length)) ?? []) found.add(entry);
      }
    }
    return [...found].sort((a, b) => a.index - b.index);
  }

  private index(): Map<string, Array<IndexedPattern<T>>> {
    if (this.byRun) return this.byRun;
    const byRun = new Map<string, Array<IndexedPattern<T>>>();
    const lengths = new Set<number>();
    this.noRun = [];
    this.entries.forEach((entry, i) => {
      const run = this.runs[i] as string;
      if (run === '') return void this.noRun.push(entry);
      let list = byRun.get(run);
      if (!list) byRun.set(run, (list = []));
      list.push(entry);
      lengths.add(run.length);
    });
    this.runLengths = [...lengths];
    this.byRun = byRun;
    return byRun;
  }
}

/** The longest run of literal characters in the wildcard part of a pattern. */
function longestRun(middle: string): string {
  let best = '';
  for (const run of middle.split(/[*?]/)) if (run.length > best.length) best = run;
  return best;
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
