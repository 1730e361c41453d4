import { readFileSync } from 'node:fs';
import { STATUS_CODES } from 'node:http';
import { listenersOf, parseRequest, parseRoutingOptions, requestLine, simulate, withFileBody, type RequestInput, type RouteTrace } from '../alb';
import type { LineIndex } from '../document/line-index';
import type { TextRange } from '../language/finding';
import { createWorkbenchService } from '../workbench';
import { parseArgs, single, UsageError } from './args';
import { exitCodes, type CliCommand, type CommandIO } from './command';
import { runRoutingTable } from './alb-table';
import { albTargetHelp, albTargetOptions, formatTarget, targetJson, visitTarget, type TargetReport } from './alb-lambda';
import { readText, reasonOf } from './files';
import { functionOptionNames } from './function-options';

export const albCommand: CliCommand = {
  name: 'alb',
  synopsis: 'alb [options] RULES.json (METHOD URL [-H "Name: value"]... [-d BODY|@FILE] [--source-ip IP] [--target TG=HANDLER]... [--json] | --requests FILE.jsonl [--trace])',
  summary: 'Route a request through ALB listener rules and show every rule\'s verdict and the response',
  help: `Usage: lambda-workbench alb [options] RULES.json|TEMPLATE.yaml METHOD URL

Routes the request through the listener rules in RULES.json (describe-rules
output, a create-rule input, --conditions/--actions files, a listener, or a
CloudFormation template) as an Application Load Balancer would, and prints
each rule in evaluation order with every condition's verdict, the rule
chosen, and the outcome: the redirect, the fixed response, or the target
group with each group's share.

Options:
  -H, --header "Name: value"  A request header. Repeatable. A Host header
                              replaces the URL's host.
  -d, --data BODY|@FILE       The request body: text, or @FILE for a file's
                              bytes as they are (an image, say); a Lambda
                              target gets it. --data-binary is the same.
  --source-ip IP              The client's address, for source-ip conditions.
  --listener N                Which listener of the file (1-based). Default:
                              the one whose protocol and port fit the URL.
  --host-port compare|ignore  A port in the Host header is compared as sent
                              (default) or dropped before host conditions.
  --percent-decode            Decode %XX in the path and query before matching
                              (default: matched as sent).
  --json                      Print the trace as JSON.
  --requests FILE.jsonl       Route a batch instead: one request a line,
                              {"method", "url", "headers"?, "sourceIp"?,
                              "body"?, "expect"?}; one JSON line out per
                              request {"line", "rule", "action", "status"?,
                              "location"?, "targetGroups"?}. "expect" holds
                              any of rule (a priority or "default"), action,
                              status, location, targetGroup (ARN or name);
                              each miss is printed as FILE:LINE.
  --trace                     With --requests: add every rule's verdict and
                              reasons to each line.

${albTargetHelp}

Errors AWS would refuse in RULES.json, then warnings (shadowed rules, say),
are printed as file:line:col first.
Exit status: 0 routed; 1 RULES.json has errors or holds no listener rules,
a Lambda target's answer became ALB's error (502, 413), or a --requests
line failed its expectation or could not be read; 2 bad usage or an
unreadable file.`,
  async run(argv, io) {
    const args = parseArgs(argv, {
      values: ['header', 'source-ip', 'listener', 'host-port', 'data', 'requests', ...albTargetOptions.values, ...functionOptionNames],
      flags: ['json', 'percent-decode', 'trace', ...albTargetOptions.flags],
      aliases: { '-H': 'header', '-d': 'data', '--data-binary': 'data' },
    });
    const [file, method, url, ...extra] = args.positionals;
    const requestsFile = single(args, 'requests');
    const { options, problems } = parseRoutingOptions({ hostHeaderPort: single(args, 'host-port'), percentDecode: args.flags.has('percent-decode') });
    if (problems.length) throw new UsageError(problems.join('; ').replace('hostHeaderPort', '--host-port'));
    const listenerText = single(args, 'listener');
    if (listenerText !== undefined && !/^[1-9]\d*$/.test(listenerText)) throw new UsageError(`--listener takes a number from 1 (got "${listenerText}")`);
    if (requestsFile !== undefined) {
      if (file === undefined || method !== undefined) throw new UsageError('alb --requests FILE.jsonl takes RULES.json and no request on the command line');
      const perRequest = ['header', 'data', 'source-ip'].find((name) => args.options.has(name)) ?? (args.flags.has('json') ? 'json' : undefined);
      if (perRequest) throw new UsageError(`--${perRequest} is for one request; with --requests, each line carries its own (and the output is JSON lines)`);
      const rules = readRules(file, io);
      if (!rules) return exitCodes.usage;
      const listeners = listenersOf(rules.analysis);
      if (listeners.length === 0) return noListener(file, io);
      if (listenerText !== undefined && !listeners[Number(listenerText) - 1]) throw new UsageError(`there is no listener ${listenerText}; ${file} has ${listeners.length}`);
      const code = runRoutingTable(requestsFile, listeners, listenerText === undefined ? undefined : Number(listenerText) - 1, options, args.flags.has('trace'), io);
      return rules.errors || code !== exitCodes.ok ? Math.max(code, exitCodes.findings) : exitCodes.ok;
    }
    if (file === undefined || method === undefined || url === undefined) throw new UsageError('alb needs RULES.json, a METHOD and a URL (or --requests FILE.jsonl)');
    if (extra.length) throw new UsageError(`unexpected argument "${extra[0] ?? ''}" (quote headers: -H "Name: value")`);
    const sourceIp = single(args, 'source-ip');
    const data = single(args, 'data');
    let input: RequestInput = { method, url, headers: args.options.get('header') ?? [], ...(sourceIp !== undefined ? { sourceIp } : {}), ...(data !== undefined ? { body: data } : {}) };
    try {
      input = withFileBody(input, process.cwd(), readFileSync);
    } catch (error) {
      throw new UsageError(`-d ${data ?? ''}: ${reasonOf(error)}`);
    }
    const parsedRequest = parseRequest(input);
    if ('problem' in parsedRequest) throw new UsageError(parsedRequest.problem.message);

    const rules = readRules(file, io);
    if (!rules) return exitCodes.usage;
    const { analysis, at, errors } = rules;

    const result = simulate(analysis, parsedRequest.request, options, listenerText === undefined ? undefined : Number(listenerText) - 1);
    if (result.kind === 'problem') {
      io.stderr(`${file}:1:1: error alb: ${result.message}\n`);
      return exitCodes.findings;
    }
    const listenerNote = result.listeners.length > 1 ? ` (listener ${result.listener + 1} of ${result.listeners.length}; choose with --listener)` : '';
    const target = await visitTarget(result.trace, args, io);
    io.stdout(args.flags.has('json') ? `${JSON.stringify(toJson(result.trace, at, target), null, 2)}\n` : formatTrace(result.trace, at, listenerNote, target, args.flags.has('show-event')));
    const failed = target?.kind === 'lambda' && target.exchange.answer.failure !== undefined;
    return errors || failed ? exitCodes.findings : exitCodes.ok;
  },
};

/** Reads and checks RULES.json; prints its errors, then its warnings, as file:line:col. Undefined when unreadable. */
function readRules(file: string, io: CommandIO) {
  const text = readText(file, io);
  if (text === undefined) return undefined;
  const analysis = createWorkbenchService().analyze(text, undefined, file);
  const lines = analysis.document.lines;
  const at = (range: TextRange) => location(file, lines, range);
  const errors = analysis.findings.filter((f) => f.severity === 'error');
  for (const f of errors) io.stderr(`${at(f.range)}: error ${f.id}: ${f.message}\n`);
  for (const f of analysis.findings.filter((f) => f.severity === 'warning')) io.stderr(`${at(f.range)}: warning ${f.id}: ${f.message}\n`);
  return { analysis, at, errors: errors.length };
}

function noListener(file: string, io: CommandIO): number {
  io.stderr(`${file}:1:1: error alb: this document holds no ALB listener rules (describe-rules output, a create-rule input, a listener or a CloudFormation template)\n`);
  return exitCodes.findings;
}

function location(file: string, lines: LineIndex, range: TextRange): string {
  const p = lines.positionAt(range.offset);
  return `${file}:${p.line + 1}:${p.character + 1}`;
}

const mark = { matched: 'match', 'not-matched': 'no match', unknown: 'unknown' } as const;

/** The trace as people read it in a terminal. */
export function formatTrace(trace: RouteTrace, at: (range: TextRange) => string, listenerNote = '', target?: TargetReport, showEvent = false): string {
  const out: string[] = [`Request   ${requestLine(trace.request)}`];
  const extras = trace.request.headers.filter((h) => h.name.toLowerCase() !== 'host').map((h) => `${h.name}: ${h.value}`);
  if (extras.length) out.push(...extras.map((h) => `          ${h}`));
  if (trace.request.sourceIp) out.push(`          from ${trace.request.sourceIp}`);
  out.push(`Listener  ${trace.listener.label} (${at(trace.listener.range)})${listenerNote}`, '', 'Rules, in the order ALB evaluates them:');
  const width = Math.max(...trace.rules.map((r) => r.label.length), 10);
  trace.rules.forEach((rule, i) => {
    const verdict = i === trace.winner ? 'MATCH' : rule.reached ? mark[rule.verdict] : `(${mark[rule.verdict]}, not reached)`;
    const chosen = i === trace.winner ? '   <- chosen' : '';
    out.push(`  ${rule.label.padEnd(width)}  ${verdict.padEnd(9)}  ${at(rule.range)}${chosen}`);
    for (const c of rule.conditions) out.push(`      ${c.field.padEnd(19)} ${mark[c.verdict].padEnd(8)}  ${c.reason}`);
  });
  out.push('', ...describeOutcome(trace, target, showEvent));
  if (trace.notes.length) out.push('', ...trace.notes.map((n) => `Note      ${n}`));
  return `${out.join('\n')}\n`;
}

function describeOutcome(trace: RouteTrace, target: TargetReport | undefined, showEvent: boolean): string[] {
  const outcome = trace.outcome;
  switch (outcome.kind) {
    case 'forward': {
      const lines = outcome.targetGroups.map((g) => `          ${g.arn === outcome.chosen ? '->' : '  '} ${g.arn}  weight ${g.weight}, ${(g.share * 100).toFixed(g.share * 100 % 1 ? 1 : 0)}% of requests`);
      const f = outcome.forwarded;
      const rewritten = f.host !== trace.request.host || f.path !== trace.request.path || f.query !== trace.request.query;
      return [
        'Outcome   forward to a target group (this request goes to the one marked ->)',
        ...lines,
        ...(outcome.stickinessSeconds ? [`          sticky for ${outcome.stickinessSeconds} s`] : []),
        ...(rewritten ? [`          the target receives Host ${f.host}, ${f.path}${f.query ? `?${f.query}` : ''}`] : []),
        ...(target ? formatTarget(target, showEvent) : ['Response  from the target']),
      ];
    }
    case 'none':
      return [`Outcome   none: ${outcome.reason}`];
    default: {
      const response = trace.response;
      if (!response) return [];
      return [
        `Outcome   ${outcome.kind}`,
        `Response  HTTP ${response.status} ${STATUS_CODES[response.status] ?? ''}`.trimEnd(),
        ...response.headers.map((h) => `          ${h.name}: ${h.value}`),
        ...(response.body ? ['', response.body] : []),
      ];
    }
  }
}

/** The trace as JSON, with file:line:col locations instead of offsets. */
function toJson(trace: RouteTrace, at: (range: TextRange) => string, target: TargetReport | undefined): object {
  return {
    request: { ...trace.request, line: requestLine(trace.request) },
    listener: { label: trace.listener.label, location: at(trace.listener.range) },
    rules: trace.rules.map((rule, i) => ({
      label: rule.label,
      priority: rule.priority ?? null,
      isDefault: rule.isDefault,
      verdict: rule.verdict,
      reached: rule.reached,
      chosen: i === trace.winner,
      location: at(rule.range),
      conditions: rule.conditions.map((c) => ({ field: c.field, verdict: c.verdict, reason: c.reason, location: at(c.range) })),
    })),
    outcome: stripRanges(trace.outcome),
    response: trace.response ?? null,
    target: target ? targetJson(target) : null,
    notes: trace.notes,
  };
}

function stripRanges(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripRanges);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'range').map(([key, v]) => [key, stripRanges(v)]));
}
