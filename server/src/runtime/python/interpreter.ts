import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** A Python that can run a function: its executable and its `major.minor`. */
export interface PythonInterpreter {
  readonly path: string;
  readonly version: string;
}

export type PythonChoice =
  | { readonly kind: 'found'; readonly interpreter: PythonInterpreter; readonly warning?: string }
  | { readonly kind: 'none'; readonly problem: string };

/**
 * The interpreter a Python function runs with, as a developer would pick it:
 * the code folder's virtual environment (`.venv`, `venv`), else the version
 * the runtime names (`python3.12` for `python3.12`), else `python3`. A version
 * other than the one asked for runs, with a warning; none at all is a clear problem.
 */
export function findPython(root: string, runtime?: string, env: NodeJS.ProcessEnv = process.env): PythonChoice {
  const wanted = /^python(\d+\.\d+)$/.exec(runtime ?? '')?.[1];
  const candidates = [join(root, '.venv', 'bin', 'python'), join(root, 'venv', 'bin', 'python')].filter((path) => existsSync(path));
  candidates.push(...(wanted ? [`python${wanted}`] : []), 'python3');
  for (const candidate of candidates) {
    const version = versionOf(candidate, env);
    if (version === undefined) continue;
    const interpreter = { path: candidate, version };
    return wanted && version !== wanted
      ? { kind: 'found', interpreter, warning: `${runtime} asked for, running with Python ${version} (${candidate})` }
      : { kind: 'found', interpreter };
  }
  return { kind: 'none', problem: `no Python interpreter found${wanted ? ` for ${runtime}` : ''}: install ${wanted ? `python${wanted} or ` : ''}python3, or create a virtual environment in ${join(root, '.venv')}` };
}

/** `major.minor` of an interpreter, or undefined when it does not run. */
function versionOf(executable: string, env: NodeJS.ProcessEnv): string | undefined {
  const result = spawnSync(executable, ['-c', 'import sys; print("%d.%d" % sys.version_info[:2])'], { encoding: 'utf8', env, timeout: 10_000 });
  return result.status === 0 ? result.stdout.trim() || undefined : undefined;
}
