/**
 * Our bootstrap writes this to stdout and stderr just before it reports an
 * invoke's result. The pipes and the Runtime API socket are read in no fixed
 * order; waiting for the marker keeps every line the handler printed between
 * START and END. It never reaches the log.
 */
export const flushMarker = '\u0000lambda-workbench:flushed\u0000';

/** Splits a runtime's output into log text and marker sightings, across chunk boundaries. */
export class MarkedStream {
  private pending = '';

  constructor(
    private readonly emit: (text: string) => void,
    private readonly onMarker: () => void,
  ) {}

  push(chunk: string): void {
    let text = this.pending + chunk;
    this.pending = '';
    for (let at = text.indexOf(flushMarker); at >= 0; at = text.indexOf(flushMarker)) {
      if (at > 0) this.emit(text.slice(0, at));
      text = text.slice(at + flushMarker.length);
      this.onMarker();
    }
    // Hold back a tail that could be the start of a marker split across chunks.
    const keep = partialMarkerLength(text);
    if (text.length > keep) this.emit(text.slice(0, text.length - keep));
    this.pending = text.slice(text.length - keep);
  }

  end(): void {
    if (this.pending) this.emit(this.pending);
    this.pending = '';
  }
}

function partialMarkerLength(text: string): number {
  for (let n = Math.min(flushMarker.length - 1, text.length); n > 0; n--) {
    if (flushMarker.startsWith(text.slice(text.length - n))) return n;
  }
  return 0;
}
