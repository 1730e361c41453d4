/**
 * Where AWS's documentation is silent, the simulator makes a choice; these
 * are those choices, each a setting (`lambdaWorkbench.alb.*`, CLI flags).
 */
export interface RoutingOptions {
  /**
   * A port in the Host header (`example.com:8443`): `compare` matches
   * host-header values against the header as sent, so `example.com` does not
   * match (host values cannot carry a port; AWS points to RegexValues for
   * that); `ignore` drops the port first.
   */
  readonly hostPort: 'compare' | 'ignore';
  /** Percent-decode the path and the query-string keys and values before matching (ALB matches them as sent by default). */
  readonly percentDecode: boolean;
}

export const defaultRoutingOptions: RoutingOptions = { hostPort: 'compare', percentDecode: false };

/** Turns raw settings into options; unknown values fall back to the defaults, with a problem reported. */
export function parseRoutingOptions(raw: unknown): { options: RoutingOptions; problems: string[] } {
  const problems: string[] = [];
  const record = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  let hostPort = defaultRoutingOptions.hostPort;
  const port = record['hostHeaderPort'];
  if (port === 'compare' || port === 'ignore') hostPort = port;
  else if (port !== undefined) problems.push(`hostHeaderPort must be "compare" or "ignore" (got ${JSON.stringify(port)})`);
  let percentDecode = defaultRoutingOptions.percentDecode;
  const decode = record['percentDecode'];
  if (typeof decode === 'boolean') percentDecode = decode;
  else if (decode !== undefined) problems.push(`percentDecode must be true or false (got ${JSON.stringify(decode)})`);
  return { options: { hostPort, percentDecode }, problems };
}
