import { spawn, type ChildProcess } from 'node:child_process';

/**
 * The reaper: one small process per owner (the CLI, `serve`, VS Code's
 * extension host) that ends the owner's environment processes when the owner
 * dies in any way, SIGKILL included, without relying on the owner's cleanup.
 * It reads the pids to guard (`+pid`, `-pid` lines) on a pipe from the owner;
 * the pipe's end (EOF) means the owner is gone, and it SIGKILLs every pid
 * still listed. It lives outside the environments because an environment
 * cannot watch for itself while its handler spins or a debugger holds it.
 * It runs in its own session, so Ctrl-C in a terminal does not end it first.
 */
const posixScript = `pids=' '
while read -r line; do
  case $line in
    +*) pids="$pids\${line#+} " ;;
    -*) kept=' '; for p in $pids; do [ "$p" = "\${line#-}" ] || kept="$kept$p "; done; pids=$kept ;;
  esac
done
[ -n "$(echo $pids)" ] && kill -9 $pids 2>/dev/null
exit 0`;

/** The same in Node.js, for Windows (no sh); ELECTRON_RUN_AS_NODE lets VS Code's executable run it. */
const nodeScript = `const pids = new Set(); let rest = '';
process.stdin.setEncoding('utf8').on('data', (t) => { const lines = (rest + t).split('\\n'); rest = lines.pop();
  for (const l of lines) l[0] === '+' ? pids.add(Number(l.slice(1))) : pids.delete(Number(l.slice(1))); });
process.stdin.on('end', () => { for (const p of pids) try { process.kill(p, 'SIGKILL'); } catch {} });`;

let reaper: ChildProcess | undefined;

function start(): ChildProcess {
  const [command, args] = process.platform === 'win32' ? [process.execPath, ['-e', nodeScript]] : ['/bin/sh', ['-c', posixScript]];
  const child = spawn(command, args, { stdio: ['pipe', 'ignore', 'ignore'], detached: true, windowsHide: true, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
  // Neither the reaper nor its pipe may keep the owner alive.
  child.unref();
  (child.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  child.stdin?.on('error', () => {});
  child.on('error', () => (reaper = undefined));
  return child;
}

/** Puts `pid` under the reaper's guard until `release` (call it once the process has exited). */
export function guard(pid: number): () => void {
  reaper ??= start();
  const watcher = reaper;
  watcher.stdin?.write(`+${pid}\n`);
  return () => void watcher.stdin?.write(`-${pid}\n`);
}

