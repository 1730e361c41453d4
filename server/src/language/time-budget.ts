import type { Finding } from './finding';

/** Id of the one finding that names the checks an analysis left out when it ran past its time budget. */
export const timeBudgetId = 'internal.time-budget';

/**
 * The time one analysis may take. Checks start only while time is left; the
 * ones that did not are named in one info finding, so a slow document shows
 * what it has and says what it lacks instead of holding the server.
 */
export class TimeBudget {
  private readonly started: number;
  private readonly skipped: string[] = [];

  constructor(
    private readonly budgetMs: number | undefined,
    private readonly now: () => number,
  ) {
    this.started = budgetMs === undefined ? 0 : now();
  }

  /** True when the check may start; otherwise it is recorded as left out. */
  allows(checkId: string): boolean {
    if (this.budgetMs === undefined) return true;
    if (this.skipped.length === 0 && this.now() - this.started <= this.budgetMs) return true;
    this.skipped.push(checkId);
    return false;
  }

  finding(): Finding | undefined {
    if (this.skipped.length === 0) return undefined;
    const ids = [...new Set(this.skipped)];
    return {
      id: timeBudgetId,
      severity: 'info',
      message: `Analysis ran past its time budget of ${this.budgetMs} ms; ${ids.length} check${ids.length === 1 ? '' : 's'} did not run on this document: ${ids.join(', ')}. The command-line check runs them all.`,
      range: { offset: 0, length: 0 },
    };
  }
}
