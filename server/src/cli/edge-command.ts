import { generateEventText, isTrigger, type OriginType, triggers } from '../edge';
import { parseArgs, single, UsageError } from './args';
import { exitCodes, type CliCommand, type CommandIO } from './command';
import { checkResultSubcommand } from './edge-check-result';
import { simulateSubcommand } from './edge-simulate';

const origins: readonly OriginType[] = ['s3', 'custom'];

/** `edge event TRIGGER`: a fixture on stdout, for `> event.json` or a pipe into `invoke --event -`. */
async function eventSubcommand(argv: readonly string[], io: CommandIO): Promise<number> {
  const args = parseArgs(argv, { values: ['origin', 'method', 'uri', 'body'], flags: [] });
  const [trigger, ...extra] = args.positionals;
  if (!trigger) throw new UsageError(`edge event needs a TRIGGER: ${triggers.join(', ')}`);
  if (!isTrigger(trigger)) throw new UsageError(`"${trigger}" is not a trigger: ${triggers.join(', ')}`);
  if (extra.length) throw new UsageError(`unexpected argument "${extra[0] ?? ''}"`);
  const origin = single(args, 'origin') ?? 'custom';
  if (!(origins as readonly string[]).includes(origin)) throw new UsageError(`--origin must be s3 or custom (got "${origin}")`);
  const method = single(args, 'method');
  const uri = single(args, 'uri');
  const body = single(args, 'body');
  io.stdout(generateEventText({ trigger, origin: origin as OriginType, ...(method ? { method: method.toUpperCase() } : {}), ...(uri ? { uri } : {}), ...(body !== undefined ? { body } : {}) }));
  return exitCodes.ok;
}

const subcommands: Readonly<Record<string, (argv: readonly string[], io: CommandIO) => Promise<number>>> = {
  event: eventSubcommand,
  'check-result': checkResultSubcommand,
  simulate: simulateSubcommand,
};

export const edgeCommand: CliCommand = {
  name: 'edge',
  synopsis: 'edge event TRIGGER [--origin s3|custom] [...] | edge check-result RESULT [--event EVENT] [--trigger TRIGGER] | edge simulate REQUEST [--config FILE]',
  summary: 'Lambda@Edge: generate a CloudFront event; check a result, or a whole request, as CloudFront does',
  help: `Usage: lambda-workbench edge event TRIGGER [options]
       lambda-workbench edge check-result RESULT.json [--event EVENT.json] [--trigger TRIGGER]
       lambda-workbench edge simulate REQUEST.json [--config lambda-workbench.json]

edge event

Prints a Lambda@Edge event as CloudFront sends it for TRIGGER, one of
${triggers.join(', ')}:
config, request (and origin, response where the trigger has them) with the
headers a browser and CloudFront send. It passes "lambda-workbench check".

Options:
  --origin s3|custom   The origin type (default: custom). Shapes request.origin,
                       the Host CloudFront sends and the response headers.
  --method METHOD      The request method (default: GET, or POST with --body).
  --uri PATH[?QUERY]   The requested path and query string (default: /index.html).
  --body TEXT          A request body, as "Include body" passes it (request
                       triggers only).

edge check-result
Checks what a function returned (RESULT.json, or - for stdin) as CloudFront
does: a request or a generated response where the trigger allows each,
headers it may not add, change or remove, status, body and size limits.
Each violation is printed as file:line:col with what the viewer would get
(e.g. 502 LambdaValidationError).

  --event EVENT.json   The event the function received: gives the trigger
                       and lets read-only headers and fields be compared.
  --trigger TRIGGER    The trigger, when there is no --event.
  --format text|json   Output format (default: text).

Exit status: 0 CloudFront accepts the result, 1 it would not, 2 bad usage or
an unreadable file.

edge simulate
Runs REQUEST.json (a viewer-request event) through CloudFront's triggers on a
cache miss: viewer-request, origin-request, the origin, origin-response,
viewer-response. Each handler runs in the local runtime, and each result is
judged as CloudFront judges it; a rejected one ends the chain with the error
the viewer would get. The handlers and the origin come from the "edge"
section of lambda-workbench.json (handler strings relative to its folder;
their settings from its "functions" section, as for invoke):

  { "edge": {
      "viewer-request": "edge/handlers/route.handler",
      "viewer-response": "edge/handlers/security-headers.handler",
      "origin": { "type": "custom", "domainName": "www.example.org",
                  "url": "http://127.0.0.1:8080" } } }

"origin" has "url" (a server on this machine that stands in for the origin)
or "response" (a fixed response: {"status": "200", "headers": {...},
"body": "..."}); "type" (custom or s3) and "domainName" describe the real
origin as origin triggers see it.

  --config FILE        The workspace file (default: ./lambda-workbench.json).
  --format text|json   json prints every step's input, output and verdict.

Exit status: 0 the viewer gets no error from a function, 1 a function's run
or result fails CloudFront's checks, 2 bad usage or files.

Examples:
  lambda-workbench edge event origin-request --origin s3 > event.json
  lambda-workbench edge check-result result.json --event event.json
  lambda-workbench edge simulate examples/edge/events/viewer-request.json --config examples/lambda-workbench.json`,
  async run(argv, io) {
    const [name, ...rest] = argv;
    const subcommand = name === undefined ? undefined : subcommands[name];
    if (!subcommand) throw new UsageError(name === undefined ? 'edge needs a subcommand: event, check-result or simulate' : `unknown edge subcommand "${name}"`);
    return subcommand(rest, io);
  },
};
