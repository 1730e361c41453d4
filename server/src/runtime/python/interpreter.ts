import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';

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
    const found = probe(candidate, env);
    if (found === undefined) continue;
    const { version } = found;
    const interpreter = { path: found.executable, version };
    return wanted && version !== wanted
      ? { kind: 'found', interpreter, warning: `${runtime} asked for, running with Python ${version} (${candidate})` }
      : { kind: 'found', interpreter };
  }
  return { kind: 'none', problem: `no Python interpreter found${wanted ? ` for ${runtime}` : ''}: install ${wanted ? `python${wanted} or ` : ''}python3, or create a virtual environment in ${join(root, '.venv')}` };
}

/**
 * `major.minor` of an interpreter and the executable it really is, or
 * undefined when it does not run. Launchers such as pyenv's shims cost a few
 * hundred milliseconds per process: every cold start runs the interpreter
 * itself (a virtual environment's own `bin/python`, as `sys.executable` names it).
 */
function probe(command: string, env: NodeJS.ProcessEnv): { readonly version: string; readonly executable: string } | undefined {
  const result = spawnSync(command, ['-c', 'import sys; print("%d.%d" % sys.version_info[:2]); print(sys.executable)'], { encoding: 'utf8', env, timeout: 10_000 });
  if (result.status !== 0) return undefined;
  const [version, executable] = result.stdout.split('\n').map((line) => line.trim());
  if (!version) return undefined;
  return { version, executable: executable && isAbsolute(executable) && existsSync(executable) ? executable : command };
}
