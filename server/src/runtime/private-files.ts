import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let folder: string | undefined;
let count = 0;

/**
 * A new file path in a folder of this process's own (mode 0700, made on
 * first use), removed with everything in it when the process exits: for what
 * the runtime hands its environments by path.
 */
export function privateFile(name: string): string {
  if (folder === undefined) {
    const created = mkdtempSync(join(tmpdir(), 'lambda-workbench-'));
    folder = created;
    process.once('exit', () => rmSync(created, { recursive: true, force: true }));
  }
  return join(folder, `${count++}-${name}`);
}

/** Replaces the file's content in one step (write beside it, rename): a reader sees the old text or the new, never half. */
export function replaceFile(file: string, text: string): void {
  const next = `${file}.next`;
  writeFileSync(next, text, { mode: 0o600 });
  renameSync(next, file);
}
