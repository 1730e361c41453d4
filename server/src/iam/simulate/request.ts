import { parseArn } from '../arn';

/** A request to decide: what is asked, on what, by whom, and the context keys it carries. */
export interface SimulationRequest {
  /** `service:Action`, as IAM names the privilege. */
  readonly action: string;
  /** The resource's ARN (or `*`). */
  readonly resource: string;
  /** The caller's ARN (user, role, assumed-role session, account root) or a service principal. */
  readonly principal?: string | undefined;
  /** Context keys as given; a key given more than once is multi-valued. Names compare without case, as IAM's do. */
  readonly context: ReadonlyArray<readonly [string, string]>;
}

/** True for one privilege as a request names it, `service:Action`: no wildcard (a request asks for one action). */
export function isPrivilege(action: string): boolean {
  return /^[A-Za-z0-9-]+:[A-Za-z0-9-]+$/.test(action);
}

/** The request's context keys by lower-case name, each with its values; keys the principal implies added where not given. */
export type RequestContext = ReadonlyMap<string, readonly string[]>;

export function requestContext(request: SimulationRequest): RequestContext {
  const context = new Map<string, string[]>();
  for (const [key, value] of request.context) {
    const name = key.toLowerCase();
    context.set(name, [...(context.get(name) ?? []), value]);
  }
  // AWS fills these from the caller; a --context value wins, so a test can say otherwise.
  const principal = request.principal;
  if (principal?.startsWith('arn:')) {
    const arn = parseArn(principal);
    const implied: Array<[string, string | undefined]> = [
      ['aws:principalarn', principal],
      ['aws:principalaccount', arn.account?.text],
      ['aws:username', /^user\//.test(arn.resource?.text ?? '') ? arn.resource?.text.split('/').at(-1) : undefined],
    ];
    for (const [name, value] of implied) if (value && !context.has(name)) context.set(name, [value]);
  }
  return context;
}

/** The account a principal or resource ARN names; undefined when it names none (a service principal, an S3 bucket). */
export function accountOf(arnOrAccount: string | undefined): string | undefined {
  if (arnOrAccount === undefined) return undefined;
  if (/^\d{12}$/.test(arnOrAccount)) return arnOrAccount;
  if (!arnOrAccount.startsWith('arn:')) return undefined;
  const account = parseArn(arnOrAccount).account?.text;
  return account ? account : undefined;
}
