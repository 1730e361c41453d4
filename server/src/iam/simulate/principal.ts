import type { Node } from 'jsonc-parser';
import { parseArn } from '../arn';
import { accountOf } from './request';
import { scalars } from './conditions';

/**
 * What in the element named the caller. It decides what a same-account grant
 * is worth: the caller itself or everyone grants outright; the session's role
 * grants within the session's limits; the account only delegates to the
 * caller's identity policies.
 */
export type PrincipalVia = 'caller' | 'everyone' | 'role' | 'account' | 'none';

/** How a Principal or NotPrincipal element met the caller. */
export interface PrincipalMatch {
  readonly matched: boolean;
  readonly via: PrincipalVia;
  readonly reason: string;
}

/**
 * Whether a Principal element names the caller: `*`, the caller's account
 * (`123456789012` or its root ARN), its ARN, the role of an assumed-role
 * session, or a service, federated or canonical-user principal by its name.
 */
export function principalMatches(element: Node, principal: string | undefined): PrincipalMatch {
  const named: string[] = [];
  if (element.type === 'string') named.push(...scalars(element));
  else for (const property of element.children ?? []) {
    const value = property.children?.[1];
    if (value) named.push(...scalars(value));
  }
  if (named.includes('*')) return { matched: true, via: 'everyone', reason: 'names everyone ("*")' };
  if (principal === undefined) return { matched: false, via: 'none', reason: `names ${named.join(', ')}; the request gives no principal (--principal)` };
  for (const value of named) {
    if (value === principal) return { matched: true, via: 'caller', reason: `names ${value}` };
    const account = accountOf(principal);
    if (account && (value === account || value === `arn:${parseArn(principal).partition?.text ?? 'aws'}:iam::${account}:root`)) return { matched: true, via: 'account', reason: `names the caller's account ${value}` };
    if (roleOfSession(principal) === value) return { matched: true, via: 'role', reason: `names the session's role ${value}` };
  }
  return { matched: false, via: 'none', reason: `names ${named.join(', ')}, not ${principal}` };
}

/** The role ARN behind an assumed-role session ARN (`arn:aws:sts::1:assumed-role/Name/session` → `arn:aws:iam::1:role/Name`), path aside. */
function roleOfSession(principal: string): string | undefined {
  const arn = parseArn(principal);
  const match = /^assumed-role\/([^/]+)\//.exec(arn.resource?.text ?? '');
  if (arn.service?.text !== 'sts' || !match) return undefined;
  return `arn:${arn.partition?.text ?? 'aws'}:iam::${arn.account?.text ?? ''}:role/${match[1] ?? ''}`;
}
