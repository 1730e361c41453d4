/** Node's own lines about its inspector: printed on stderr, no part of the function's log. */
const inspectorLines = /^(?:Debugger listening on ws:\/\/\S+|For help, see: https:\/\/nodejs\.org\/\S+|Debugger attached\.|Waiting for the debugger to disconnect\.\.\.)\r?\n/gm;
const listening = /^Debugger listening on (ws:\/\/(?:\[[^\]]+\]|[^:/\s]+):(\d+)\/\S*)\r?\n/m;
/** Past this much output without the banner, the process is not announcing an inspector: stop holding text back. */
const bannerLimit = 64 * 1024;

/** Where an environment's inspector listens. */
export interface InspectorAddress {
  readonly url: string;
  readonly port: number;
}

/**
 * Reads an environment's output while it runs under `--inspect-brk=127.0.0.1:0`:
 * learns the port Node chose from its "Debugger listening on ws://..." banner
 * and keeps Node's inspector lines out of the function's log. Text is held
 * back only until the banner line is complete (a paused process prints
 * nothing else before it).
 */
export class InspectorOutput {
  private held = '';
  private announced = false;

  constructor(
    private readonly emit: (text: string) => void,
    private readonly onListening: (address: InspectorAddress) => void,
  ) {}

  push(text: string): void {
    if (this.announced) {
      this.pass(text);
      return;
    }
    this.held += text;
    const match = listening.exec(this.held);
    if (!match && this.held.length < bannerLimit) return;
    this.announced = true;
    const held = this.held;
    this.held = '';
    if (match) this.onListening({ url: match[1] ?? '', port: Number(match[2]) });
    this.pass(held);
  }

  /** Gives back whatever is held (the process ended before announcing its inspector). */
  flush(): void {
    const held = this.held;
    this.held = '';
    this.announced = true;
    this.pass(held);
  }

  private pass(text: string): void {
    const kept = text.replace(inspectorLines, '');
    if (kept !== '') this.emit(kept);
  }
}
