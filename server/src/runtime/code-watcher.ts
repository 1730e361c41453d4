import { existsSync, readdirSync, watch, type FSWatcher } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Extensions of the files a Node.js handler is loaded from (TypeScript sources included), and native addons. */
const codeExtensions = /\.(?:[cm]?[jt]s|[jt]sx|json|node|py)$/i;

/**
 * Whether a change at `path` (relative to the task root, either separator)
 * can change what the function loads: a code or JSON file anywhere
 * (lambda-workbench.json and package.json included), or anything directly in
 * `node_modules` (a package added or removed; npm rewrites
 * node_modules/.package-lock.json on every install). Pure.
 */
export function isCodeChange(path: string): boolean {
  const parts = path.split(/[\\/]/).filter((part) => part !== '' && part !== '.');
  if (parts.length === 0 || parts[0] === '..') return false;
  const modules = parts.indexOf('node_modules');
  if (modules >= 0) return parts.length === modules + 2;
  if (parts.some((part) => part.startsWith('.'))) return false;
  return codeExtensions.test(parts[parts.length - 1] ?? '');
}

/**
 * Where a layer's modules are found (Lambda mounts it at /opt): `nodejs/node_modules`,
 * `nodejs/node20/node_modules`, `python`, `python/lib/python3.12/site-packages`.
 */
const layerModuleFolders = /^(?:nodejs\/(?:node\d+\/)?node_modules|python\/lib\/python[\d.]+\/site-packages|python)(?:\/|$)/;

/**
 * Whether a change at `path` (relative to a local layer's folder) can change
 * what the function loads: the layer's packages are code the user edits, so
 * below its module folders a path counts as below a task root (a package's own
 * node_modules at its top level only); elsewhere as `isCodeChange` says. Pure.
 */
export function isLayerChange(path: string): boolean {
  const normal = path.split(/[\\/]/).filter((part) => part !== '' && part !== '.').join('/');
  const inModules = layerModuleFolders.exec(normal);
  return isCodeChange(inModules ? normal.slice(inModules[0].length) : normal);
}

/** Folders never walked: version control, editors' and tools' folders (nothing is loaded from them). */
function skipped(name: string): boolean {
  return name.startsWith('.');
}

/** A tree of code: a task root, or a local layer's folder (its packages walked as code, not as installed modules). */
export type CodeTree = 'task-root' | 'layer';

/**
 * Watches a tree for changes `isCodeChange` (a task root) or `isLayerChange`
 * (a layer) counts (`serve`; VS Code uses its own file events): each folder
 * of the tree with a non-recursive watch (a recursive one would also walk
 * every package in node_modules), new folders as they appear, and installed
 * node_modules' top level only.
 */
export class CodeWatcher {
  private readonly watchers = new Map<string, FSWatcher>();
  private readonly counts: (relativePath: string) => boolean;

  private constructor(
    private readonly root: string,
    private readonly onChange: (relativePath: string) => void,
    private readonly tree: CodeTree,
  ) {
    this.counts = tree === 'layer' ? isLayerChange : isCodeChange;
  }

  static watch(root: string, onChange: (relativePath: string) => void, tree: CodeTree = 'task-root'): CodeWatcher {
    const watcher = new CodeWatcher(root, onChange, tree);
    watcher.add(root);
    return watcher;
  }

  close(): void {
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
  }

  /** Watches `folder` and the folders in it; false when it is no folder or already watched. */
  private add(folder: string): boolean {
    if (this.watchers.has(folder)) return false;
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
      const watcher = watch(folder, (_event, name) => this.changed(folder, name?.toString()));
      watcher.on('error', () => this.forget(folder));
      this.watchers.set(folder, watcher);
    } catch {
      return false; // a file, gone already, or unreadable: nothing to load from it as a folder
    }
    if (this.inModules(folder)) return true;
    for (const entry of entries) if (entry.isDirectory() && !skipped(entry.name)) this.add(join(folder, entry.name));
    return true;
  }

  private changed(folder: string, name: string | undefined): void {
    const path = relative(this.root, name === undefined ? folder : join(folder, name));
    if (name !== undefined && !this.inModules(folder) && !skipped(name)) {
      // A folder created (or moved in) gets its own watch; one removed loses it.
      const child = join(folder, name);
      const gone = this.watchers.has(child) && !existsSync(child);
      if (gone) this.forget(child);
      // A folder that came or went may hold code: count it as a change.
      if (gone || this.add(child)) return this.onChange(path);
    }
    if (name === undefined || this.counts(path)) this.onChange(path);
  }

  /** Inside installed packages (watched at their folder's top level only); a layer's own module folders are code. */
  private inModules(folder: string): boolean {
    const path = relative(this.root, folder).split(sep).join('/');
    const inLayerModules = this.tree === 'layer' ? layerModuleFolders.exec(path) : null;
    return (inLayerModules ? path.slice(inLayerModules[0].length) : path).split('/').includes('node_modules');
  }

  private forget(folder: string): void {
    this.watchers.get(folder)?.close();
    this.watchers.delete(folder);
  }
}
