import type { Report } from '../../language/check';
import { conditionsOf } from '../conditions';
import { analyzerDocs, iamCheck } from '../define';
import { effectOf } from '../values';

/**
 * Keys AWS documents as unsafe alone, with the keys that complete them:
 * private addresses repeat across VPCs, so an address means something only
 * together with the VPC (or VPC endpoint) it is in.
 */
const pairs = [
  { key: 'aws:VpcSourceIp', companions: ['aws:SourceVpc', 'aws:SourceVpce', 'aws:SourceVpcArn'] },
  { key: 'aws:Ec2InstanceSourcePrivateIPv4', companions: ['aws:Ec2InstanceSourceVpc'] },
].map((p) => ({ ...p, lowerKey: p.key.toLowerCase(), lowerCompanions: p.companions.map((c) => c.toLowerCase()) }));

export const missingPairedConditionKeys = iamCheck({
  id: 'MISSING_PAIRED_CONDITION_KEYS',
  severity: 'warning',
  title: 'A condition key that is overly permissive alone is used without its companion key.',
  docs: analyzerDocs('security-warning-missing-paired-condition-keys'),
  run(policy): Report[] {
    const out: Report[] = [];
    const entries = conditionsOf(policy);
    const has = (names: readonly string[], where: (e: (typeof entries)[number]) => boolean) => entries.some((e) => where(e) && names.includes(e.lowerName));
    entries.forEach((entry) => {
      const pair = pairs.find((p) => p.lowerKey === entry.lowerName);
      if (!pair || !entry.parsed || entry.parsed.base === 'Null') return;
      // An Allow needs both in one statement; Deny statements each deny on their own, so a companion in any Deny completes it (AWS's own example).
      const deny = effectOf(entry.statement) === 'Deny';
      if (has(pair.lowerCompanions, (e) => (deny ? effectOf(e.statement) === 'Deny' : e.statement === entry.statement))) return;
      const where = deny ? 'a Deny statement of this policy' : 'the same statement';
      out.push({
        range: policy.range(entry.key),
        message: `${pair.key} can be overly permissive alone: private addresses repeat across VPCs. Also test ${pair.companions.join(' or ')} in ${where}.`,
      });
    });
    return out;
  },
});
