import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseJsonDocument } from '../document/json';
import { type ChainFile, type ChainReport, type ChainRunner, describeRunVerdict, type EdgeRequest, fetchLocalOrigin, parseChainFile, simulateChain, type Trigger } from '../edge';
import { LocalFunction } from '../runtime';
import { parseArgs, single, UsageError } from './args';
import { exitCodes, type CommandIO } from './command';
import { reasonOf } from './files';
import { functionFromArgs } from './function-options';
import { functionLog } from './function-log';

/**
 * `edge simulate REQUEST.json [--config lambda-workbench.json]`: the viewer
 * request through CloudFront's triggers on a cache miss, each handler run by
 * the local runtime and judged as CloudFront judges it.
 */
export async function simulateSubcommand(argv: readonly string[], io: CommandIO): Promise<number> {
  const args = parseArgs(argv, { values: ['config', 'format'], flags: [] });
  const [requestPath, ...extra] = args.positionals;
  if (!requestPath) throw new UsageError('edge simulate needs REQUEST.json, a viewer-request event');
  if (extra.length) throw new UsageError(`unexpected argument "${extra[0] ?? ''}"`);
  const format = single(args, 'format') ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json (got "${format}")`);
  const configPath = resolve(single(args, 'config') ?? 'lambda-workbench.json');
  const chain = readChainFile(configPath);
  const request = readViewerRequest(requestPath);
  const root = dirname(configPath);

  const functions = new Map<Trigger, LocalFunction>();
  for (const [trigger, handler] of Object.entries(chain.handlers) as Array<[Trigger, string]>) {
    const { config } = functionFromArgs(handler, { positionals: [], options: new Map(), flags: new Set() }, { reservedConcurrency: 1, root });
    functions.set(trigger, new LocalFunction(config, functionLog(io)));
  }
  const runner: ChainRunner = {
    invoke: (trigger, eventText) => {
      const fn = functions.get(trigger);
      if (!fn) throw new Error(`no function for ${trigger}`);
      return fn.invoke({ payload: eventText });
    },
    fetchOrigin: async (originRequest) => (chain.source.kind === 'response' ? chain.source.response : fetchLocalOrigin(chain.source.url, originRequest)),
  };
  try {
    const setup = {
      request,
      functions: Object.fromEntries([...functions].map(([trigger, fn]) => [trigger, { timeoutSeconds: fn.config.timeoutSeconds, memoryMB: fn.config.memoryMB, environment: fn.config.environment }])),
      origin: chain.origin,
      originDomain: chain.originDomain,
    };
    const report = await simulateChain(setup, runner);
    io.stdout(format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : describeReport(report, chain));
    const failed = report.steps.some((s) => s.trigger !== 'origin' && s.ran && [...s.verdict.run, ...(s.verdict.result?.violations ?? [])].some((v) => v.consequence.kind === 'viewer-error' || v.consequence.kind === 'deploy-error'));
    return failed ? exitCodes.findings : exitCodes.ok;
  } catch (error) {
    if (chain.source.kind === 'url' && error instanceof TypeError) {
      io.stderr(`lambda-workbench edge simulate: the origin at ${chain.source.url.href} did not answer (${reasonOf(error.cause ?? error)})\n`);
      return exitCodes.usage;
    }
    throw error;
  } finally {
    await Promise.all([...functions.values()].map((fn) => fn.shutdown()));
  }
}

function readChainFile(path: string): ChainFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`${path}: ${reasonOf(error)} (the "edge" section of lambda-workbench.json names each trigger's handler and the origin; see --help)`);
  }
  const document = parseJsonDocument(text);
  const problem = document.syntaxProblems[0];
  if (problem) {
    const at = document.lines.positionAt(problem.offset);
    throw new UsageError(`${path}:${at.line + 1}:${at.character + 1}: not valid JSON`);
  }
  const { file, problems } = parseChainFile((JSON.parse(text) as { edge?: unknown } | null)?.edge, 'edge');
  if (!file) throw new UsageError(`${path}: ${problems.join('; ')}`);
  return file;
}

function readViewerRequest(path: string): EdgeRequest {
  let event: unknown;
  try {
    event = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`${path}: ${error instanceof SyntaxError ? 'not valid JSON' : reasonOf(error)}`);
  }
  const cf = (event as { Records?: Array<{ cf?: { config?: { eventType?: unknown }; request?: unknown } }> } | null)?.Records?.[0]?.cf;
  if (cf?.config?.eventType !== 'viewer-request' || typeof cf.request !== 'object' || cf.request === null) {
    throw new UsageError(`${path}: not a viewer-request event (make one with "lambda-workbench edge event viewer-request")`);
  }
  return cf.request as EdgeRequest;
}

/** Each step on a few lines: who ran, what CloudFront made of it; then what the viewer gets. */
function describeReport(report: ChainReport, chain: ChainFile): string {
  const out: string[] = [];
  for (const step of report.steps) {
    if (step.trigger === 'origin') {
      const from = chain.source.kind === 'url' ? `${chain.source.url.origin} standing in for ${chain.originDomain}` : `the fixed response of ${chain.originDomain}`;
      out.push(`origin: ${String(step.request['method'])} ${String(step.request['uri'])} answered ${step.response.status} ${step.response.statusDescription ?? ''} (${from})`.trimEnd());
    } else if (!step.ran) {
      out.push(`${step.trigger}: not run: ${step.reason}`);
    } else {
      out.push(`${step.trigger} (${chain.handlers[step.trigger] ?? ''}):`, ...describeRunVerdict(step.trigger, step.verdict).map((line) => `  ${line}`));
    }
  }
  const { status, statusDescription } = report.viewerResponse;
  out.push(`The viewer gets ${status}${statusDescription ? ` ${statusDescription}` : ''}.`);
  return `${out.join('\n')}\n`;
}
