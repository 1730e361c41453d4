import * as vscode from 'vscode';

// The one place the integration tests wait: every wait has a deadline, and a missed one
// fails with a message naming what was awaited (and what was seen instead), never with
// mocha's bare "Timeout of 60000ms".

/** How long a test waits for any one thing. Generous: the first document also pays for starting the language server and loading the IAM data. */
export const defaultTimeoutMs = 30_000;

const pollMs = 50;

/**
 * Resolves with the first value of `probe` that is neither undefined nor false (so a yes/no
 * probe works as is), asking every 50 ms. For state VS Code announces with no event, such as
 * an extension's activation or a quick pick's items; rejects after `timeoutMs` with
 * "<what> did not happen within N ms" and, if given, `describe()` of what the caller saw last.
 */
export async function waitFor<T>(
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  what: string,
  timeoutMs = defaultTimeoutMs,
  describe?: () => string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(missed(what, timeoutMs, describe?.()));
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

/**
 * Resolves with the next event that satisfies `predicate`; rejects after `timeoutMs` naming
 * `what` and the last event seen (or `describe(last)`). Subscribes at once, so call it before
 * the action that fires the event; always disposes its subscription and timer.
 */
export function nextEvent<T>(
  event: vscode.Event<T>,
  predicate: (value: T) => boolean,
  what: string,
  timeoutMs = defaultTimeoutMs,
  describe?: (last: T | undefined) => string,
): Promise<T> {
  // Boxed, so that an event whose value is undefined can match too.
  let seen: { readonly last: T } | undefined;
  let count = 0;
  return settle(
    [event],
    (value) => {
      seen = { last: value };
      count++;
      return predicate(value) ? seen : undefined;
    },
    what,
    timeoutMs,
    () => (describe ? describe(seen?.last) : seen ? `the last of ${count} event(s) was ${brief(seen.last)}` : 'no event came'),
  ).then((matched) => matched.last);
}

/**
 * Resolves with the first defined value of `probe`, asked now and after each of `events`:
 * waitFor for state that VS Code announces with an event. Rejects as waitFor does.
 */
export function waitOnEvents<T>(
  events: readonly vscode.Event<unknown>[],
  probe: () => T | undefined,
  what: string,
  timeoutMs = defaultTimeoutMs,
  describe?: () => string,
): Promise<T> {
  const now = probe();
  if (now !== undefined) return Promise.resolve(now);
  return settle(events, () => probe(), what, timeoutMs, describe);
}

/** The first defined value `onEvent` makes of one of `events`, with the deadline; disposes its subscriptions and timer either way. */
function settle<E, T>(
  events: readonly vscode.Event<E>[],
  onEvent: (value: E) => T | undefined,
  what: string,
  timeoutMs: number,
  describe?: () => string,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const stop = (): void => {
      clearTimeout(timer);
      for (const subscription of subscriptions) subscription.dispose();
    };
    const timer = setTimeout(() => {
      stop();
      reject(new Error(missed(what, timeoutMs, describe?.())));
    }, timeoutMs);
    const subscriptions = events.map((event) =>
      event((value) => {
        let result: T | undefined;
        try {
          result = onEvent(value);
        } catch (error) {
          stop();
          reject(error);
          return;
        }
        if (result === undefined) return;
        stop();
        resolve(result);
      }),
    );
  });
}

function missed(what: string, timeoutMs: number, seen: string | undefined): string {
  return `${what} did not happen within ${timeoutMs} ms${seen ? `; ${seen}` : ''}`;
}

/** A value in a message: JSON where it has one, cut short. */
function brief(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 500 ? `${text.slice(0, 500)}…` : text;
}

/** The lenses of `uri` once `ready` holds for them (providers register on activation, the server analyses on the way); the failure lists the titles it had. */
export function lensesOf(uri: vscode.Uri, ready: (lenses: vscode.CodeLens[]) => boolean, what: string, timeoutMs = defaultTimeoutMs): Promise<vscode.CodeLens[]> {
  let last: vscode.CodeLens[] = [];
  return waitFor(
    async () => {
      // Code lenses are asked for, not announced: ask until they are there.
      last = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
      return ready(last) ? last : undefined;
    },
    what,
    timeoutMs,
    () => `the lenses of ${uri.toString()} were: ${last.map((l) => l.command?.title ?? '(untitled)').join(', ') || 'none'}`,
  );
}

/** The lenses of a handler file once the Invoke handler lens is among them. */
export function handlerLenses(uri: vscode.Uri, timeoutMs = defaultTimeoutMs): Promise<vscode.CodeLens[]> {
  return lensesOf(uri, (lenses) => lenses.some((l) => l.command?.command === 'lambdaWorkbench.invokeHandler'), `the Invoke handler lens of ${uri.fsPath}`, timeoutMs);
}

/**
 * Resolves with the diagnostics of `uri` once `predicate` holds for them, checking now and
 * on every change VS Code announces for that URI; rejects after `timeoutMs`, listing what
 * the URI had then.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diagnostics: readonly vscode.Diagnostic[]) => boolean,
  timeoutMs = defaultTimeoutMs,
): Promise<vscode.Diagnostic[]> {
  return waitOnEvents(
    [vscode.languages.onDidChangeDiagnostics],
    () => {
      const diagnostics = vscode.languages.getDiagnostics(uri);
      return predicate(diagnostics) ? diagnostics : undefined;
    },
    `the expected diagnostics on ${uri.toString()}`,
    timeoutMs,
    () => `it has ${describeDiagnostics(vscode.languages.getDiagnostics(uri))}`,
  );
}

/** A diagnostic's code, whether it came alone or with a documentation link. */
export function diagnosticCode(diagnostic: vscode.Diagnostic): string | number | undefined {
  return typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
}

/** One line per diagnostic, for assertion messages. */
export function describeDiagnostics(diagnostics: readonly vscode.Diagnostic[]): string {
  if (diagnostics.length === 0) return 'no diagnostics';
  return diagnostics
    .map((d) => `\n  ${d.source ?? '?'}/${String(diagnosticCode(d))} at line ${d.range.start.line}: ${d.message}`)
    .join('');
}
