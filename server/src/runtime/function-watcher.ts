import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { CodeWatcher, isCodeChange, isLayerChange } from './code-watcher';

/** What a function is loaded from (its task root, its local layers) and configured from (the files its settings are read from). */
export interface WatchedSources {
  readonly root: string;
  /** Local layer folders (a template's LayerVersion ContentUri). */
  readonly layers: readonly string[];
  /**
   * Files its settings are read from: the template it came from, SAM's
   * --env-vars file, an env file. The task root's lambda-workbench.json
   * always counts.
   */
  readonly settingsFiles: readonly string[];
}

/**
 * A change that matters to the function: `code` retires its environments;
 * `settings` also means its settings must be read again. `path` is for
 * messages: relative to the task root when inside it.
 */
export interface SourceChange {
  readonly kind: 'code' | 'settings';
  readonly path: string;
}

/** The files `sources` reads settings from, absolute. */
function settingsFilesOf(sources: WatchedSources): string[] {
  return [join(sources.root, 'lambda-workbench.json'), ...sources.settingsFiles].map((file) => resolve(file));
}

/** What a change to `file` (absolute) means to a function with these sources, if anything. Pure. */
export function sourceChange(sources: WatchedSources, file: string): SourceChange | undefined {
  const path = resolve(file);
  if (settingsFilesOf(sources).includes(path)) return { kind: 'settings', path: shown(sources, path) };
  const inRoot = inside(sources.root, path);
  if (inRoot !== undefined && isCodeChange(inRoot)) return { kind: 'code', path: inRoot };
  for (const layer of sources.layers) {
    const inLayer = inside(layer, path);
    if (inLayer !== undefined && isLayerChange(inLayer)) return { kind: 'code', path: shown(sources, path) };
  }
  return undefined;
}

/** A path for messages: relative to the task root when inside it. */
function shown(sources: WatchedSources, path: string): string {
  return inside(sources.root, path) ?? path;
}

/** `path` relative to `folder` when it lies inside it. */
function inside(folder: string, path: string): string | undefined {
  const rel = relative(resolve(folder), path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel)) ? rel : undefined;
}

/**
 * Watches everything a function is loaded and configured from (`serve`; VS
 * Code classifies its own file events with `sourceChange`): its task root and
 * each local layer as trees of code, and each settings file through its
 * folder (an editor saves by replacing the file, which ends a watch on the
 * file itself).
 */
export class FunctionWatcher {
  private readonly trees: CodeWatcher[];
  private readonly folders: FSWatcher[] = [];

  constructor(sources: WatchedSources, onChange: (change: SourceChange) => void) {
    // The trees judge code themselves (a folder that came or went counts); a settings file is reported once, by its folder's watch.
    const settingsFiles = settingsFilesOf(sources);
    const code = (file: string) => settingsFiles.includes(file) || onChange({ kind: 'code', path: shown(sources, file) });
    this.trees = [
      CodeWatcher.watch(sources.root, (path) => code(join(sources.root, path))),
      ...sources.layers.map((layer) => CodeWatcher.watch(layer, (path) => code(join(layer, path)), 'layer')),
    ];
    const settings = (file: string) => onChange({ kind: 'settings', path: shown(sources, file) });
    const byFolder = new Map<string, Set<string>>();
    for (const file of settingsFiles) byFolder.set(dirname(file), (byFolder.get(dirname(file)) ?? new Set()).add(basename(file)));
    for (const [folder, names] of byFolder) {
      try {
        const watcher = watch(folder, (_event, name) => name !== null && names.has(name.toString()) && settings(join(folder, name.toString())));
        watcher.on('error', () => watcher.close());
        this.folders.push(watcher);
      } catch {
        // A folder that is gone: the settings read at start stay in force.
      }
    }
  }

  close(): void {
    for (const tree of this.trees) tree.close();
    for (const folder of this.folders) folder.close();
  }
}
