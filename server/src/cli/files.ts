import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CommandIO } from './command';

/** Folders that never hold the user's own documents. */
const skippedFolders: ReadonlySet<string> = new Set(['node_modules', '.git', 'dist', 'out', '.vscode-test', 'cdk.out', '.aws-sam']);

/**
 * YAML files a folder walk reads: the names SAM, CloudFormation and the
 * Serverless Framework use for templates. Other YAML (workflows, manifests)
 * is left alone; name it on the command line to check it.
 */
const templateFileName = /^(?:template|serverless)\.ya?ml$|\.template\.ya?ml$/i;

/**
 * Expands the paths given on the command line: files as given, folders into
 * the `.json` files and YAML templates below them (sorted, so output is stable).
 * Paths that cannot be read are returned apart, to be reported with exit 2.
 */
export function expandPaths(paths: readonly string[]): { files: string[]; unreadable: Array<{ path: string; reason: string }> } {
  const files: string[] = [];
  const unreadable: Array<{ path: string; reason: string }> = [];
  for (const path of paths) {
    try {
      if (statSync(path).isDirectory()) collectDocuments(path, files);
      else files.push(path);
    } catch (error) {
      unreadable.push({ path, reason: reasonOf(error) });
    }
  }
  return { files, unreadable };
}

function collectDocuments(folder: string, out: string[]): void {
  const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!skippedFolders.has(entry.name)) collectDocuments(path, out);
    } else if (entry.isFile() && (entry.name.endsWith('.json') || templateFileName.test(entry.name))) {
      out.push(path);
    }
  }
}

/** A file's text (a byte order mark dropped), or undefined after saying on stderr why it cannot be read. */
export function readText(file: string, io: CommandIO): string | undefined {
  try {
    return readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    io.stderr(`lambda-workbench: ${file}: ${reasonOf(error)}\n`);
    return undefined;
  }
}

/** A short reason for a failed file operation, e.g. "no such file". */
export function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
