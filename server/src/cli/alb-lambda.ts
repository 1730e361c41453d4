import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { STATUS_CODES } from 'node:http';
import { join, relative, resolve } from 'node:path';
import { exchangeWithLambda, forwardedTarget, type LambdaExchange, mappingForTarget, parseTargetGroups, parseTargetPairs, type ResolvedTargetGroup, type RouteTrace, targetGroupFor, type TargetGroupTable, templateFunctionFor, traceIdAt } from '../alb';
import { LocalFunction } from '../runtime';
import { single, UsageError, type ParsedArgs } from './args';
import type { CommandIO } from './command';
import { reasonOf } from './files';
import { functionFromArgs } from './function-options';
import { functionLog } from './function-log';

/** What happened at the target group a request was forwarded to. */
export type TargetReport =
  | { readonly kind: 'lambda'; readonly arn: string; readonly mappedBy: string; readonly handler: string; readonly group: ResolvedTargetGroup; readonly exchange: LambdaExchange }
  | { readonly kind: 'unmapped'; readonly arn: string }
  | { readonly kind: 'not-invoked'; readonly arn: string; readonly handler: string };

export const albTargetOptions = {
  values: ['target'],
  flags: ['multi-value-headers', 'no-invoke', 'show-event'],
} as const;

export const albTargetHelp = `Lambda targets: when the chosen target group is mapped to a local handler,
the request is sent to it as ALB sends it (the Lambda event), and its
result comes back as the response ALB would send, or ALB's 502 with the
reason (a malformed result, an error, a timeout).
  --target TG=HANDLER         Map a target group (its ARN, its name, a
                              template's logical id, or *) to a handler
                              relative to --root. Repeatable. Also
                              "targetGroups" in lambda-workbench.json:
                              { "targetGroups": { "api": "src/api.handler",
                                "web": { "handler": "src/web.handler",
                                         "multiValueHeaders": true } } }
  --multi-value-headers       The --target groups have multi-value headers on.
  --no-invoke                 Route only; do not run the handler.
  --show-event                Print the event sent to the handler.
  --root, --timeout, --memory, --env, --env-file, --node: as for invoke.
Without a mapping, a template's lambda target group whose target is a
function of the same template (AWS::Serverless::Function with CodeUri,
AWS::Lambda::Function with a local Code path or a CDK asset) runs that
function's Handler from its code folder.`;

/** The mappings from `--root`'s lambda-workbench.json, overridden by `--target`. */
function targetTable(args: ParsedArgs): { table: TargetGroupTable; sources: Map<string, string> } {
  const root = resolve(single(args, 'root') ?? '.');
  const file = join(root, 'lambda-workbench.json');
  const sources = new Map<string, string>();
  let fromFile: TargetGroupTable = {};
  if (existsSync(file)) {
    let raw: unknown;
    try {
      raw = (JSON.parse(readFileSync(file, 'utf8')) as { targetGroups?: unknown } | null)?.targetGroups;
    } catch (error) {
      throw new UsageError(`${file}: ${reasonOf(error)}`);
    }
    const parsed = parseTargetGroups(raw, 'targetGroups');
    if (parsed.problems.length) throw new UsageError(`${file}: ${parsed.problems.join('; ')}`);
    fromFile = parsed.table;
    for (const key of Object.keys(fromFile)) sources.set(key, relative(process.cwd(), file) || file);
  }
  const pairs = parseTargetPairs(args.options.get('target') ?? [], args.flags.has('multi-value-headers') ? true : undefined);
  if (pairs.problems.length) throw new UsageError(`--target: ${pairs.problems.join('; ')}`);
  for (const key of Object.keys(pairs.table)) sources.set(key, '--target');
  return { table: { ...fromFile, ...pairs.table }, sources };
}

/** Sends the routed request to the chosen target group's handler, when it has one; the function's log goes to stderr. */
export async function visitTarget(trace: RouteTrace, args: ParsedArgs, io: CommandIO): Promise<TargetReport | undefined> {
  const target = forwardedTarget(trace);
  if (!target) return undefined;
  const { table, sources } = targetTable(args);
  const found = mappingForTarget(table, target);
  // Without a mapping, the template's own function, when it defines one with local code.
  const own = found ? undefined : templateFunctionFor(target, resolve(args.positionals[0] ?? '.'));
  if (!found && !own) return { kind: 'unmapped', arn: target.arn };
  const mapping = found?.mapping ?? { handler: own?.handler ?? '' };
  const { handler } = mapping;
  if (args.flags.has('no-invoke')) return { kind: 'not-invoked', arn: target.arn, handler };
  const group = targetGroupFor(target, mapping);
  // The template's own function runs as `invoke FUNCTION --template` runs it: with the template's settings.
  const { config } = own
    ? functionFromArgs(own.logicalId, { ...args, options: new Map(args.options).set('template', [resolve(args.positionals[0] ?? '.')]) }, { reservedConcurrency: 1 })
    : functionFromArgs(handler, args, { reservedConcurrency: 1 });
  const mappedBy = found ? `${found.key} in ${sources.get(found.key) ?? '--target'}` : `${target.arn} → ${own?.logicalId ?? ''} in the template, code in ${relative(process.cwd(), config.root) || '.'}`;
  const fn = new LocalFunction(config, functionLog(io));
  try {
    const exchange = await exchangeWithLambda(
      trace,
      target.forwarded,
      group,
      (payload) => fn.invoke({ payload }),
      () => traceIdAt(Date.now() / 1000, randomBytes(12).toString('hex')),
    );
    return { kind: 'lambda', arn: target.arn, mappedBy, handler, group, exchange };
  } finally {
    await fn.shutdown();
  }
}

/** The target's part of the text trace: what ran, and the response the client gets. */
export function formatTarget(report: TargetReport, showEvent: boolean): string[] {
  if (report.kind === 'unmapped') {
    return ['Response  from the target (to run a local handler for it: --target TG=HANDLER, or "targetGroups" in lambda-workbench.json)'];
  }
  if (report.kind === 'not-invoked') return [`Target    Lambda ${report.handler} (not invoked: --no-invoke)`];
  const { exchange } = report;
  const multi = `multi-value headers ${report.group.multiValueHeaders ? 'on' : 'off'}${report.group.multiValueFrom === 'template' ? ' in the template' : ''}`;
  const out = [`Target    Lambda ${report.handler} (target group ${report.mappedBy}; ${multi})`];
  if (showEvent && exchange.event) out.push(`Event     ${JSON.stringify(exchange.event, null, 2).replace(/\n/g, '\n          ')}`);
  if (exchange.invoke) out.push(`Invoked   RequestId ${exchange.invoke.requestId}, ${exchange.invoke.durationMs.toFixed(2)} ms${exchange.invoke.status === 'success' ? '' : `, ${exchange.invoke.errorType ?? 'failed'}`}`);
  const { response, failure, notes } = exchange.answer;
  const reason = response.reason ?? STATUS_CODES[response.status] ?? '';
  if (failure) out.push(`ALB error ${failure.code}: ${failure.message}`);
  out.push(`Response  HTTP ${response.status} ${reason}`.trimEnd());
  out.push(...response.headers.map((h) => `          ${h.name}: ${h.value}`));
  if (response.binary) out.push('', `(${response.bodyLength} bytes of binary content; --json gives them in base64)`);
  else if (response.body && !failure) out.push('', response.body);
  out.push(...notes.map((n) => `Note      ${n}`));
  return out;
}

/** The target's part of `--json`. */
export function targetJson(report: TargetReport): object {
  if (report.kind !== 'lambda') return report;
  const { exchange } = report;
  return {
    kind: report.kind,
    arn: report.arn,
    mappedBy: report.mappedBy,
    handler: report.handler,
    multiValueHeaders: report.group.multiValueHeaders,
    event: exchange.event ?? null,
    invoke: exchange.invoke ?? null,
    response: exchange.answer.response,
    failure: exchange.answer.failure ?? null,
    notes: exchange.answer.notes,
  };
}
