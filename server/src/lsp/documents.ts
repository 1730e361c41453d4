import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentFormat } from '../document/model';
import type { Finding } from '../language/finding';
import type { LanguageService, Reading } from '../language/service';
import { canReparseFrom } from '../document/json-reparse';

/**
 * What the next version of a document is re-read from: the newest version
 * that can be, so that while a line is half typed (a syntax error) the next
 * clean version is still re-read from the last clean one.
 */
export function nextBase<R extends Reading>(previous: R | undefined, current: R | undefined): R | undefined {
  if (current && canReparseFrom(current.document)) return current;
  return previous && canReparseFrom(previous.document) ? previous : undefined;
}

/**
 * Readings (parse and classification, no checks) per open document, made
 * once per version on the server's own thread for hover, completion and code
 * actions: cheap on any document, so a slow one never makes them wait. Each
 * version is re-read from the last clean one (only the edited part is parsed).
 * Synchronous: a reading handed out is used before the next version replaces it.
 */
export class ReadingCache {
  private readonly entries = new Map<string, { version: number; reading: Reading; base: Reading | undefined }>();

  constructor(private readonly service: LanguageService) {}

  get(document: TextDocument): Reading {
    const cached = this.entries.get(document.uri);
    if (cached?.version === document.version) return cached.reading;
    const reading = this.service.read(document.getText(), document.uri, formatOf(document), { previous: cached?.base });
    this.entries.set(document.uri, { version: document.version, reading, base: nextBase(cached?.base, reading) });
    return reading;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }
}

type Waiter = (findings: readonly Finding[] | undefined) => void;

/**
 * The findings of each open document's latest analysed version, as the
 * analysis threads found them: code actions offer their fixes without running
 * a check on the server's thread. Asked for a version still being analysed,
 * it answers once that version's findings arrive, or undefined when a newer
 * version or a close comes first.
 */
export class LatestFindings {
  private readonly known = new Map<string, { version: number; findings: readonly Finding[] }>();
  private readonly waiting = new Map<string, Array<{ version: number; settle: Waiter }>>();

  set(uri: string, version: number, findings: readonly Finding[]): void {
    if ((this.known.get(uri)?.version ?? -Infinity) > version) return;
    this.known.set(uri, { version, findings });
    const waiters = this.waiting.get(uri) ?? [];
    this.waiting.set(uri, waiters.filter((w) => w.version > version));
    for (const w of waiters) if (w.version <= version) w.settle(w.version === version ? findings : undefined);
  }

  of(uri: string, version: number): Promise<readonly Finding[] | undefined> {
    const known = this.known.get(uri);
    if (known && known.version >= version) return Promise.resolve(known.version === version ? known.findings : undefined);
    return new Promise((settle) => this.waiting.set(uri, [...(this.waiting.get(uri) ?? []), { version, settle }]));
  }

  /** A newer version is coming: who waits for an older one gets undefined. */
  superseded(uri: string, version: number): void {
    const waiters = this.waiting.get(uri) ?? [];
    this.waiting.set(uri, waiters.filter((w) => w.version >= version));
    for (const w of waiters) if (w.version < version) w.settle(undefined);
  }

  forget(uri: string): void {
    for (const w of this.waiting.get(uri) ?? []) w.settle(undefined);
    this.waiting.delete(uri);
    this.known.delete(uri);
  }
}

/** The format an open document is read in: its language, so an untitled YAML document is YAML too. */
export function formatOf(document: TextDocument): DocumentFormat {
  return document.languageId === 'yaml' ? 'yaml' : 'json';
}
