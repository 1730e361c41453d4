/**
 * A named measurement: our code beside a baseline doing comparable work, run
 * side by side in the same process so the ratio survives a noisy machine.
 */
export interface Measurement {
  /** What is measured, e.g. "iam: analyse a 5,000-statement policy". */
  readonly name: string;
  /** What the baseline is, e.g. "jsonc-parser parseTree of the same text". */
  readonly baseline: string;
  readonly ours: () => unknown;
  readonly base: () => unknown;
  /** The ratio (ours / baseline) the capability promises to stay under; reported, not asserted. */
  readonly target?: number;
  /** Milliseconds ours may add to the baseline (ours − baseline) per call; reported, not asserted. */
  readonly overheadBudgetMs?: number;
  /** Units of work one call does, to print a throughput (e.g. 1,000 requests routed per call). */
  readonly opsPerCall?: number;
}

/** Async measurements (processes, HTTP) run whole rounds and are timed per round. */
export interface AsyncMeasurement extends Omit<Measurement, 'ours' | 'base'> {
  readonly ours: () => Promise<unknown>;
  readonly base: () => Promise<unknown>;
  readonly setup?: () => Promise<void>;
  /** Runs untimed before each timed call of `ours`, e.g. an edit whose effect is what `ours` times. */
  readonly beforeOurs?: () => Promise<void>;
  readonly teardown?: () => Promise<void>;
  /** Rounds at least (default 15): more where one round's spread is wide (process starts on a busy machine). */
  readonly minRounds?: number;
}
