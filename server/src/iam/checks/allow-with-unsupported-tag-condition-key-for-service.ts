import type { Report } from '../../language/check';
import { conditionsOf, matchesAbsentKey } from '../conditions';
import { iamData } from '../data/iam-data';
import { analyzerDocs, iamCheck } from '../define';
import type { Statement } from '../policy';
import { hasWildcard } from '../wildcard';

/**
 * aws:ResourceTag/x, aws:RequestTag/x and aws:TagKeys are in a request only
 * where the service supports tag-based authorization (the reference lists them
 * per action and resource type). In an Allow that requires one, the actions of
 * a service without them are allowed by nothing.
 */
export const allowWithUnsupportedTagConditionKeyForService = iamCheck({
  id: 'ALLOW_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE',
  severity: 'warning',
  title: 'An Allow requires a tag condition key that some of its services never put in a request.',
  docs: analyzerDocs('security-warning-allow-with-unsupported-tag-condition-key-for-service'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    conditionsOf(policy).forEach((entry) => {
      const family = tagKeyFamily(entry.lowerName);
      // A condition that also matches without the key (IfExists, ForAllValues, negations) still allows those actions.
      if (!family || !entry.parsed || matchesAbsentKey(entry.parsed) || entry.statement.effect !== 'Allow') return;
      const services = unsupportingServices(entry.statement, family);
      if (services.length === 0) return;
      const names = services.map((s) => `"${s}"`).join(', ');
      out.push({
        range: policy.range(entry.key),
        message: services.length === 1
          ? `The service ${names} never puts ${entry.name} in a request, so this statement allows none of its actions: move them to a statement without this condition.`
          : `The services ${names} never put ${entry.name} in a request, so this statement allows none of their actions: move them to a statement without this condition.`,
      });
    });
    return out;
  },
});

/** The reference's spelling (lower case) of a tag key's template, or undefined for other keys. */
function tagKeyFamily(lowerName: string): string | undefined {
  if (lowerName.startsWith('aws:resourcetag/')) return 'aws:resourcetag/${tagkey}';
  if (lowerName.startsWith('aws:requesttag/')) return 'aws:requesttag/${tagkey}';
  return lowerName === 'aws:tagkeys' ? lowerName : undefined;
}

/** The service prefixes of the statement's actions whose service takes the key in none of its actions (as Access Analyzer judges: per service). */
function unsupportingServices(statement: Statement, family: string): string[] {
  const data = iamData();
  const out: string[] = [];
  for (const action of statement.actions) {
    // NotAction, a wildcard service or "*" stand for services we cannot list.
    if (action.element !== 'Action' || hasWildcard(action.service) || !data.service(action.service)) continue;
    const prefix = action.service.toLowerCase();
    if (!out.includes(prefix) && !serviceTakes(prefix, family)) out.push(prefix);
  }
  return out;
}

/** By service and key family: the answer walks every action of the service, once. */
const taken = new Map<string, boolean>();

function serviceTakes(prefix: string, family: string): boolean {
  const cacheKey = `${prefix} ${family}`;
  let result = taken.get(cacheKey);
  if (result === undefined) {
    result = iamData().actions(prefix).some((a) => a.conditionKeySet.has(family));
    taken.set(cacheKey, result);
  }
  return result;
}
