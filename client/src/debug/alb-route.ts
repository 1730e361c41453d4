import { STATUS_CODES } from 'node:http';
import type { LambdaExchange, RouteTrace } from '../../../server/src/alb';

// What a debug run behind an ALB says about the route, in words (no `vscode`
// import: unit-tested). The event and the client's response come from the
// ALB engine (server/src/alb/lambda).

/** Why the load balancer invokes no function for this trace; undefined when it forwards to a target group. */
export function notForwardedReason(trace: RouteTrace): string | undefined {
  const outcome = trace.outcome;
  const rule = trace.winner === undefined ? 'the chosen rule' : (trace.rules[trace.winner]?.label ?? 'the chosen rule');
  switch (outcome.kind) {
    case 'none':
      return `the load balancer invokes no function: ${outcome.reason}`;
    case 'redirect':
      return `the load balancer answers this request itself: ${rule} redirects it (${outcome.status}) to ${outcome.location}`;
    case 'fixed-response':
      return `the load balancer answers this request itself: ${rule} returns a fixed response (${outcome.status})`;
    case 'forward':
      return outcome.chosen === undefined ? `${rule} forwards to no target group (every weight is 0)` : undefined;
  }
}

/** The route in one line for the function's log: request, rule, target group. */
export function routeLine(trace: RouteTrace, targetGroupArn: string): string {
  const rule = trace.winner === undefined ? 'no rule' : (trace.rules[trace.winner]?.label ?? 'a rule');
  const { method, scheme, host, path, query } = trace.request;
  return `ALB ${method} ${scheme}://${host}${path}${query ? `?${query}` : ''} → ${rule} → ${targetGroupArn}`;
}

/** What the client gets back through the load balancer, for the log; with ALB's reason when it answered 502 (or 413) instead. */
export function answerLines(exchange: LambdaExchange): string[] {
  const { response, failure, notes } = exchange.answer;
  const status = `HTTP ${response.status} ${response.reason ?? STATUS_CODES[response.status] ?? ''}`.trimEnd();
  return [
    failure ? `ALB answers ${status} (${failure.code}: ${failure.message}; ${failure.docs})` : `ALB answers ${status}`,
    ...notes.map((note) => `ALB note: ${note}`),
  ];
}
