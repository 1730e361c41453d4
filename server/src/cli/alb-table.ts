import { answerFor, bestListener, type ListenerModel, mismatches, readRoutingTable, routeRequest, type RoutingOptions } from '../alb';
import type { CommandIO } from './command';
import { runJsonLinesTable } from './json-lines-table';

/**
 * `alb RULES --requests FILE.jsonl`: one JSON line out per request; each
 * unmet expectation and each unreadable line printed as FILE:LINE on stderr,
 * and then the exit status is 1.
 */
export function runRoutingTable(
  requestsFile: string,
  listeners: readonly ListenerModel[],
  listenerIndex: number | undefined,
  options: RoutingOptions,
  withTrace: boolean,
  io: CommandIO,
): number {
  return runJsonLinesTable(requestsFile, io, readRoutingTable, 'routed', (line) => {
    const listener = listeners[listenerIndex ?? bestListener(listeners, line.request)] as ListenerModel;
    const answer = answerFor(listener, line.request, options);
    const trace = withTrace ? { trace: traceJson(listener, line.request, options) } : {};
    io.stdout(`${JSON.stringify({ line: line.line, ...answer, ...trace })}\n`);
    const missed = line.expect ? mismatches(answer, line.expect) : [];
    for (const m of missed) io.stderr(`${requestsFile}:${line.line}: ${m}\n`);
    return missed.length === 0;
  });
}

/** Every rule's verdict with its conditions' reasons, for `--trace`. */
function traceJson(listener: ListenerModel, request: Parameters<typeof routeRequest>[1], options: RoutingOptions): object[] {
  return routeRequest(listener, request, options).rules.map((r) => ({
    rule: r.label,
    verdict: r.verdict,
    reached: r.reached,
    conditions: r.conditions.map((c) => ({ field: c.field, verdict: c.verdict, reason: c.reason })),
  }));
}
