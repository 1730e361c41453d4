import { type WatchedSources, FunctionUrlEndpoint, FunctionWatcher, LocalFunction, RieEndpoint, type SourceChange } from '../runtime';
import { parseArgs, single, UsageError } from './args';
import { exitCodes, type CliCommand } from './command';
import { type ConfiguredFunction, functionFromArgs, functionOptionAliases, functionOptionNames, functionOptionsHelp } from './function-options';
import { failureLine, functionLog } from './function-log';

export const serveCommand: CliCommand = {
  name: 'serve',
  synopsis: 'serve HANDLER|FUNCTION [--template FILE] [--port 9000] [--function-url] [--reload lazy|eager] [--no-watch] [--allow-origin ORIGIN]... [--concurrency N] [--timeout S] [--memory MB] [--env K=V]... [--root DIR]',
  summary: 'Serve a handler on an endpoint compatible with the Lambda Runtime Interface Emulator',
  help: `Usage: lambda-workbench serve HANDLER|FUNCTION [options]

Serves HANDLER on http://127.0.0.1:PORT/2015-03-31/functions/function/invocations,
the Runtime Interface Emulator's endpoint: POST an event, get the result.
Environments stay warm between invokes; concurrent invokes get further
environments up to --concurrency, then are throttled (429). Logs go to
stderr. Runs until interrupted (Ctrl-C).

  curl -d '{"name":"Ada"}' http://127.0.0.1:9000/2015-03-31/functions/function/invocations

Options:
  -p, --port PORT      Port on 127.0.0.1 (default 9000; 0 picks a free one).
  --function-url       Serve it as a function URL instead: any request, any
                       path, becomes the event function URLs send (payload
                       format 2.0), and the result the HTTP response they
                       make of it; a streamed response goes out as written.
                         curl -i 'http://127.0.0.1:9000/hello?name=Ada'
  --concurrency N      Reserved concurrency: most environments at once (default 10).
  --idle SECONDS       Shut an idle environment down after this long (default 300).
  --reload lazy|eager  After a code change: lazy (default) retires the old
                       environments, the next invoke starts fresh; eager
                       also starts a fresh one at once, so it is warm.
  --no-watch           Do not watch the task root, local layers and the
                       files settings come from (template, lambda-workbench.json,
                       --env-vars, env files): environments keep the code and
                       settings they started with until they end.
  --retry-delays S,S   Seconds before the two retries of a failed
                       asynchronous invoke (default 1,2; Lambda waits
                       about 60,120).
  --allow-origin ORIGIN  Serve requests a web page at ORIGIN sends (e.g.
                       http://localhost:3000; * for any). Repeatable. By
                       default any request with an Origin header, and any
                       Host but 127.0.0.1/localhost with the port, gets 403.
${functionOptionsHelp}

As the Runtime Interface Emulator does, serve reads AWS_LAMBDA_FUNCTION_NAME,
AWS_LAMBDA_FUNCTION_TIMEOUT, AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
AWS_LAMBDA_FUNCTION_VERSION and AWS_REGION; the options above win over them,
and they over lambda-workbench.json.`,
  async run(argv, io) {
    const args = parseArgs(argv, { values: ['port', 'idle', 'allow-origin', 'reload', 'retry-delays', ...functionOptionNames], flags: ['function-url', 'no-watch'], aliases: { ...functionOptionAliases, '-p': 'port' } });
    if (args.positionals.length > 1) throw new UsageError(`serve takes one HANDLER (got ${args.positionals.length})`);
    const port = Number(single(args, 'port') ?? '9000');
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number (got "${single(args, 'port')}")`);
    const idle = Number(single(args, 'idle') ?? '300');
    if (!(idle > 0)) throw new UsageError(`--idle must be a positive number of seconds`);
    const reload = single(args, 'reload') ?? 'lazy';
    if (reload !== 'lazy' && reload !== 'eager') throw new UsageError(`--reload must be lazy or eager (got "${reload}")`);
    // As the Runtime Interface Emulator, serve reads AWS_LAMBDA_FUNCTION_NAME, _TIMEOUT, _MEMORY_SIZE, _VERSION and AWS_REGION.
    const settingsFrom = { idleTimeoutMs: idle * 1000, reload, emulatorVariables: process.env } as const;
    const configured = functionFromArgs(args.positionals[0], args, settingsFrom);
    const { config, warnings } = configured;
    for (const warning of warnings) io.stderr(`lambda-workbench: warning: ${warning}\n`);
    // A failed invoke's one line, with where in the user's code, as invoke ends with it: the caller sees only the error body.
    const fn = new LocalFunction(config, functionLog(io), {
      invokeFinished: (result) => {
        if (result.status === 'function-error') io.stderr(`lambda-workbench serve: ${failureLine(fn.config.handler, result)}\n`);
      },
    });
    const delays = (single(args, 'retry-delays') ?? '1,2').split(',').map(Number);
    if (delays.length !== 2 || !delays.every((d) => d >= 0 && d <= 3600)) throw new UsageError(`--retry-delays must be two numbers of seconds, e.g. 1,2 (got "${single(args, 'retry-delays')}")`);
    const policy = { allowedOrigins: args.options.get('allow-origin') ?? [], retryDelaysMs: delays.map((d) => d * 1000) };
    let endpoint: RieEndpoint | FunctionUrlEndpoint;
    try {
      endpoint = args.flags.has('function-url') ? await FunctionUrlEndpoint.start(fn, port, policy) : await RieEndpoint.start(fn, port, policy, io.stderr);
    } catch (error) {
      io.stderr(`lambda-workbench serve: cannot listen on 127.0.0.1:${port}: ${error instanceof Error ? error.message : String(error)}\n`);
      return exitCodes.usage;
    }
    io.stderr(`lambda-workbench serve: ${config.handler} on ${endpoint.url}${endpoint instanceof FunctionUrlEndpoint ? ' (function URL)' : ''}\n`);
    // Never stale: a change to what the function loads (code, layers) or is configured from (template, env files) retires its environments.
    let watcher: FunctionWatcher | undefined;
    const watchSources = (from: ConfiguredFunction) => (watcher = new FunctionWatcher(sourcesOf(from), changed));
    const changed = (change: SourceChange) => {
      io.stderr(`lambda-workbench serve: ${change.path} changed; the next invoke gets a fresh environment\n`);
      if (change.kind === 'code') return fn.codeChanged();
      // The settings changed: read them again; a mistake keeps the ones in force.
      let reread: ConfiguredFunction;
      try {
        reread = functionFromArgs(args.positionals[0], args, settingsFrom);
      } catch (error) {
        io.stderr(`lambda-workbench serve: ${error instanceof Error ? error.message : String(error)}; keeping the previous settings\n`);
        return fn.codeChanged();
      }
      fn.reconfigure(reread.config);
      // The layers, code folder or env files may be others now.
      watcher?.close();
      watchSources(reread);
    };
    if (!args.flags.has('no-watch')) watchSources(configured);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    watcher?.close();
    await endpoint.close();
    await fn.shutdown();
    return exitCodes.ok;
  },
};

/** What `serve` watches for a function: its code folder, local layers and the files its settings came from. */
function sourcesOf({ config, settingsFiles }: ConfiguredFunction): WatchedSources {
  return { root: config.root, layers: config.layers, settingsFiles };
}
