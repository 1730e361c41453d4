import type { Policy } from '../policy';
import { accountOf, requestContext, type SimulationRequest } from './request';
import { evaluateStatement, type StatementTrace } from './statement';

/** The roles a policy plays in a request, as AWS's evaluation logic names them. */
export type PolicyRole = 'identity' | 'resource' | 'boundary' | 'session' | 'scp' | 'rcp';

/** One policy given to the simulation, with the name its statements are reported under (a file). */
export interface SimulationPolicy {
  readonly role: PolicyRole;
  readonly name: string;
  readonly policy: Policy;
}

/** AWS's three answers. */
export type Decision = 'allowed' | 'explicitDeny' | 'implicitDeny';

/** Every decision, in AWS's words. */
export const decisions: readonly Decision[] = ['allowed', 'explicitDeny', 'implicitDeny'];

export interface PolicyTrace {
  readonly role: PolicyRole;
  readonly name: string;
  readonly policy: Policy;
  readonly statements: readonly StatementTrace[];
}

export interface SimulationResult {
  readonly decision: Decision;
  /** The statements that decided: the denies for explicitDeny, the allows that granted for allowed; none for implicitDeny. */
  readonly deciding: ReadonlyArray<{ readonly policy: PolicyTrace; readonly statement: StatementTrace }>;
  /** The evaluation steps, in AWS's order, each said in a sentence. */
  readonly reasons: readonly string[];
  readonly policies: readonly PolicyTrace[];
  /** Keys the relevant statements read that the request did not give (AWS's MissingContextValues), sorted. */
  readonly missingContextValues: readonly string[];
  readonly crossAccount: boolean;
}

type Hit = SimulationResult['deciding'][number];

/**
 * Decides a request by AWS's documented policy evaluation logic: an explicit
 * deny anywhere wins; every SCP and RCP given must allow; then within one
 * account a resource policy or an identity policy grants (the latter within
 * the permissions boundary and the session policy), while across accounts
 * both the identity side and the resource policy must grant.
 */
export function simulateRequest(policies: readonly SimulationPolicy[], request: SimulationRequest): SimulationResult {
  const context = requestContext(request);
  const missing = new Set<string>();
  const traces: PolicyTrace[] = policies.map((p) => ({ ...p, statements: p.policy.statements.map((s) => evaluateStatement(s, request, context, missing)) }));
  const hits = (effect: 'Allow' | 'Deny', roles: readonly PolicyRole[]): Hit[] =>
    traces.filter((p) => roles.includes(p.role)).flatMap((policy) => policy.statements.filter((s) => s.applies && s.effect === effect).map((statement) => ({ policy, statement })));
  const resourceAccount = context.get('aws:resourceaccount')?.[0] ?? accountOf(request.resource);
  const principalAccount = accountOf(request.principal);
  const crossAccount = resourceAccount !== undefined && principalAccount !== undefined && resourceAccount !== principalAccount;
  const result = (decision: Decision, deciding: Hit[], reasons: string[]): SimulationResult => ({
    decision, deciding, reasons, policies: traces, missingContextValues: [...missing].sort(), crossAccount,
  });

  const denies = hits('Deny', ['identity', 'resource', 'boundary', 'session', 'scp', 'rcp']);
  if (denies.length) return result('explicitDeny', denies, ['an applicable Deny statement overrides every Allow']);
  const reasons: string[] = [];
  if (principalAccount !== undefined && resourceAccount === undefined) reasons.push('the resource\'s ARN names no account (give aws:ResourceAccount): judged as the caller\'s account');
  for (const role of ['scp', 'rcp'] as const) {
    // Every SCP (each level of the organization) and every RCP must allow.
    for (const policy of traces.filter((p) => p.role === role)) {
      if (!policy.statements.some((s) => s.applies && s.effect === 'Allow')) return result('implicitDeny', [], [`the ${role.toUpperCase()} ${policy.name} allows nothing that applies`]);
    }
    if (traces.some((p) => p.role === role)) reasons.push(`every ${role.toUpperCase()} allows`);
  }
  // A resource policy's statement must name whom it grants to; one without Principal grants no one.
  const resourceAllows = hits('Allow', ['resource']).filter((h) => h.statement.principal !== undefined);
  if (resourceAllows.length < hits('Allow', ['resource']).length) reasons.push('a resource policy statement without Principal grants no one');
  const identityAllows = hits('Allow', ['identity']);
  const limits = (['boundary', 'session'] as const).filter((role) => traces.some((p) => p.role === role) && hits('Allow', [role]).length === 0);
  const limitNote = limits.map((role) => `the ${role === 'boundary' ? 'permissions boundary' : 'session policy'} allows nothing that applies`);
  if (crossAccount) {
    if (!resourceAllows.length) return result('implicitDeny', [], [...reasons, `across accounts (${principalAccount} to ${resourceAccount}) a resource policy must allow, and none does`]);
    if (!identityAllows.length) return result('implicitDeny', [], [...reasons, 'across accounts an identity policy must allow too, and none does']);
    if (limits.length) return result('implicitDeny', [], [...reasons, ...limitNote]);
    return result('allowed', [...resourceAllows, ...identityAllows], [...reasons, 'across accounts both the resource policy and an identity policy allow']);
  }
  // Same account: a resource policy naming the caller (or everyone) grants on its own; naming a session's role, within the
  // session's limits; naming the account only delegates to the caller's identity policies.
  const via = (h: Hit) => h.statement.principal?.via;
  const direct = resourceAllows.filter((h) => via(h) === 'caller' || via(h) === 'everyone');
  if (direct.length) return result('allowed', direct, [...reasons, 'a resource policy in the same account allows the caller']);
  const delegated = resourceAllows.filter((h) => via(h) === 'account');
  if (delegated.length && !identityAllows.length) return result('implicitDeny', [], [...reasons, 'the resource policy names the account, which leaves the grant to an identity policy, and none allows']);
  const grants = [...resourceAllows, ...identityAllows];
  if (!grants.length) return result('implicitDeny', [], [...reasons, 'no identity or resource policy allows']);
  if (limits.length) return result('implicitDeny', [], [...reasons, ...limitNote]);
  return result('allowed', grants, [...reasons, `${identityAllows.length ? 'an identity' : 'a resource'} policy allows${traces.some((p) => p.role === 'boundary' || p.role === 'session') ? ' within the boundary and session policy' : ''}`]);
}
