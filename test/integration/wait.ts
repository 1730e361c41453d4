import * as vscode from 'vscode';

/**
 * Resolves with the diagnostics of `uri` once `predicate` holds for them, checking now and
 * on every change VS Code announces for that URI; rejects after `timeoutMs`, listing what
 * the URI had then.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diagnostics: readonly vscode.Diagnostic[]) => boolean,
  timeoutMs: number,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const settle = (): boolean => {
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (!predicate(diagnostics)) return false;
      stop();
      resolve(diagnostics);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) settle();
    });
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for diagnostics on ${uri.toString()}; it has ${describeDiagnostics(vscode.languages.getDiagnostics(uri))}`));
    }, timeoutMs);
    const stop = (): void => {
      subscription.dispose();
      clearTimeout(timer);
    };
    settle();
  });
}

/**
 * Resolves once `condition` holds, checking every 50 ms; rejects after `timeoutMs`.
 * Only for state that VS Code announces with no event, such as an extension's activation.
 */
export async function waitUntil(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
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
