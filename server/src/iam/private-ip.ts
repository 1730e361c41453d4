import type { Node } from 'jsonc-parser';
import type { RegionCheck, Report } from '../language/check';
import { conditionsOf, valueText, type ResolvedCondition } from './conditions';
import { analyzerDocs, iamCheck } from './define';
import { isPrivateRange } from './ip-ranges';
import type { Policy } from './policy';

/** The aws:SourceIp entries under IpAddress (or NotIpAddress), with their values split into private and public ranges. */
function sourceIpEntries(policy: Policy, negated: boolean): Array<{ entry: ResolvedCondition; privates: Node[]; publics: Node[] }> {
  const out: Array<{ entry: ResolvedCondition; privates: Node[]; publics: Node[] }> = [];
  conditionsOf(policy).forEach((entry) => {
    if (entry.parsed?.family !== 'IpAddress' || entry.parsed.base.startsWith('Not') !== negated || entry.lowerName !== 'aws:sourceip') return;
    const privates: Node[] = [];
    const publics: Node[] = [];
    for (const value of entry.values) {
      const isPrivate = isPrivateRange(valueText(value) ?? '');
      if (isPrivate === true) privates.push(value);
      else if (isPrivate === false) publics.push(value);
    }
    if (privates.length) out.push({ entry, privates, publics });
  });
  return out;
}

/**
 * aws:SourceIp is the public address a request comes from (through a VPC
 * endpoint it is absent; aws:VpcSourceIp holds the private one): private
 * ranges in it are dead. `mixed` checks report each private value beside
 * public ones; the others report a condition of private values only.
 */
export function privateSourceIpCheck(id: string, anchor: string, negated: boolean, mixed: boolean, title: string, report: (policy: Policy, entry: ResolvedCondition, values: readonly Node[]) => Report[]): RegionCheck {
  return iamCheck({
    id,
    severity: mixed ? 'info' : 'error',
    title,
    docs: analyzerDocs(anchor),
    perStatement: true,
    run(policy): Report[] {
      const out: Report[] = [];
      for (const { entry, privates, publics } of sourceIpEntries(policy, negated)) {
        if ((publics.length > 0) === mixed) out.push(...report(policy, entry, privates));
      }
      return out;
    },
  });
}
