import { readFileSync } from 'node:fs';
import { httpIntegrationContentType, LocalFunction, prepareEvent, splitHttpIntegrationResponse, type StreamedResponse } from '../runtime';
import { parseArgs, single, UsageError } from './args';
import { exitCodes, type CliCommand, type CommandIO } from './command';
import { reportEdgeVerdict } from './edge-after-invoke';
import { reasonOf } from './files';
import { functionFromArgs, functionOptionAliases, functionOptionNames, functionOptionsHelp } from './function-options';
import { failureLine, functionLog } from './function-log';

export const invokeCommand: CliCommand = {
  name: 'invoke',
  synopsis: 'invoke HANDLER|FUNCTION [--template FILE] [--event FILE|-] [--tenant-id ID] [--timeout S] [--memory MB] [--env K=V]... [--env-file FILE] [--root DIR]',
  summary: 'Run a handler once, as Lambda would, in a local execution environment',
  help: `Usage: lambda-workbench invoke HANDLER|FUNCTION [options]

Runs HANDLER (Lambda's handler string: src/index.handler is the export
"handler" of src/index.js, .mjs, .cjs or .ts, or of src/index.py), or
FUNCTION, a function of a template (see --template), in a fresh execution
environment, prints the result as JSON on stdout and the function's log
(with START, END and REPORT lines) on stderr.

Options:
  -e, --event FILE|-   The event: a JSON file, or - for standard input
                       (default: {}).
  --tenant-id ID       Invoke as that tenant (tenant isolation): the handler
                       sees context.tenantId, JSON logs carry it (default:
                       the handler's "tenantId" in lambda-workbench.json).
${functionOptionsHelp}

With a CloudFront (Lambda@Edge) event, CloudFront's verdict on the run and
its result follows on stderr, as "lambda-workbench edge check-result" gives it.

Exit status: 0 success, 1 function error (the error JSON is printed) or a
Lambda@Edge result CloudFront would not accept, 2 bad usage or event, 130/143
interrupted by SIGINT/SIGTERM (the environment is ended first).`,
  async run(argv, io) {
    const args = parseArgs(argv, { values: ['event', 'tenant-id', ...functionOptionNames], flags: [], aliases: { ...functionOptionAliases, '-e': 'event' } });
    if (args.positionals.length > 1) throw new UsageError(`invoke takes one HANDLER (got ${args.positionals.length})`);
    const { config, settings, warnings } = functionFromArgs(args.positionals[0], args, { reservedConcurrency: 1 });
    for (const warning of warnings) io.stderr(`lambda-workbench: warning: ${warning}\n`);
    const eventPath = single(args, 'event');
    let text = '';
    if (eventPath !== undefined) {
      try {
        text = eventPath === '-' ? readFileSync(0, 'utf8') : readFileSync(eventPath, 'utf8');
      } catch (error) {
        throw new UsageError(`${eventPath}: ${reasonOf(error)}`);
      }
    }
    const event = prepareEvent(text);
    if ('problem' in event) {
      const { line, column, message } = event.problem;
      io.stderr(`${eventPath === '-' ? '<stdin>' : eventPath}:${line}:${column}: error: ${message}\n`);
      return exitCodes.usage;
    }
    const fn = new LocalFunction(config, functionLog(io));
    try {
      const tenantId = single(args, 'tenant-id') ?? settings.tenantId;
      const interrupt = interruption();
      const result = await Promise.race([fn.invoke({ payload: event.payload, ...(tenantId !== undefined ? { tenantId } : {}) }), interrupt.signal]).finally(interrupt.stop);
      if (typeof result === 'string') {
        // Interrupted: the environment ends before the CLI does, as a shell user expects of Ctrl-C.
        await fn.shutdown();
        io.stderr(`lambda-workbench invoke: interrupted (${result})\n`);
        return 128 + (result === 'SIGINT' ? 2 : 15);
      }
      if (result.streamed) printStreamed(result.streamed, io);
      else io.stdout(`${result.payload}\n`);
      const rejected = reportEdgeVerdict(event.payload, result, config, io);
      if (result.status === 'success') return rejected ? exitCodes.findings : exitCodes.ok;
      io.stderr(`lambda-workbench invoke: ${failureLine(config.handler, result)}\n`);
      return exitCodes.findings;
    } finally {
      // SIGKILL goes out at once; the CLI exits without waiting for the kernel to reap the process.
      void fn.shutdown();
    }
  },
};

/**
 * A streamed response's bytes go to stdout as they are (pipe them to a file);
 * a function URL response's status, headers and cookies go to stderr first.
 */
function printStreamed({ contentType, body }: StreamedResponse, io: CommandIO): void {
  const http = contentType === httpIntegrationContentType ? splitHttpIntegrationResponse(body) : undefined;
  if (http) io.stderr(`function URL response: ${JSON.stringify(http.prelude)}\n`);
  else io.stderr(`streamed response: ${contentType}, ${body.length} bytes\n`);
  const bytes = http?.body ?? body;
  if (io.stdoutBytes) io.stdoutBytes(bytes);
  else io.stdout(bytes.toString('utf8'));
}

/** Resolves with SIGINT or SIGTERM when one arrives; `stop` stops listening. */
function interruption(): { signal: Promise<'SIGINT' | 'SIGTERM'>; stop: () => void } {
  let stop = () => {};
  const signal = new Promise<'SIGINT' | 'SIGTERM'>((resolve) => {
    const onInt = () => resolve('SIGINT');
    const onTerm = () => resolve('SIGTERM');
    process.once('SIGINT', onInt).once('SIGTERM', onTerm);
    stop = () => void process.off('SIGINT', onInt).off('SIGTERM', onTerm);
  });
  return { signal, stop };
}
