/**
 * When to analyse each open document: at once when it opens or when typing
 * starts after a pause; while keys come faster than `burstMs` apart, once
 * the burst pauses. Also the guard that an older version's diagnostics never
 * replace a newer one's.
 */
export class AnalysisScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout | NodeJS.Immediate>();
  private readonly lastChange = new Map<string, number>();
  private readonly scheduledVersion = new Map<string, number>();
  private readonly publishedVersion = new Map<string, number>();

  constructor(
    private readonly run: (uri: string) => void,
    private readonly burstMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** A document opened (or must be re-analysed as it is, after a settings change): analyse now. */
  opened(uri: string, version: number): void {
    this.scheduledVersion.set(uri, version);
    this.start(uri, 0);
  }

  /**
   * The text changed. The notification that follows every open, for the
   * version just scheduled, changes nothing and is dropped.
   */
  changed(uri: string, version: number): void {
    if ((this.scheduledVersion.get(uri) ?? -Infinity) >= version) return;
    this.scheduledVersion.set(uri, version);
    const now = this.now();
    const last = this.lastChange.get(uri);
    this.lastChange.set(uri, now);
    const inBurst = last !== undefined && now - last < this.burstMs;
    this.start(uri, inBurst ? this.burstMs : 0);
  }

  closed(uri: string): void {
    this.cancel(uri);
    this.lastChange.delete(uri);
    this.scheduledVersion.delete(uri);
    this.publishedVersion.delete(uri);
  }

  /** True (and remembered) when diagnostics of `version` may be published: none of a newer version went out. */
  mayPublish(uri: string, version: number): boolean {
    if ((this.publishedVersion.get(uri) ?? -Infinity) > version) return false;
    this.publishedVersion.set(uri, version);
    return true;
  }

  private start(uri: string, delayMs: number): void {
    this.cancel(uri);
    const fire = () => {
      this.timers.delete(uri);
      this.run(uri);
    };
    this.timers.set(uri, delayMs === 0 ? setImmediate(fire) : setTimeout(fire, delayMs));
  }

  private cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer === undefined) return;
    if ('refresh' in timer) clearTimeout(timer);
    else clearImmediate(timer);
    this.timers.delete(uri);
  }
}
