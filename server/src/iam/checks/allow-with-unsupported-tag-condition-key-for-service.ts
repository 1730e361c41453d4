import type { Report } from '../../language/check';
import type { ActionString } from '../actions';
import { conditionsOf, matchesAbsentKey } from '../conditions';
import { iamData } from '../data/iam-data';
import { analyzerDocs, iamCheck } from '../define';
import type { Statement } from '../policy';
import { hasWildcard } from '../wildcard';

/**
 * aws:ResourceTag/x, aws:RequestTag/x and aws:TagKeys are in a request only
 * for the actions that support tag-based authorization (the reference lists
 * them per action and resource type). In an Allow that requires one, the
 * other actions are allowed by nothing: Access Analyzer's suggestion, judged
 * per action as it does (S3 takes aws:ResourceTag on some actions only).
 */
export const allowWithUnsupportedTagConditionKeyForService = iamCheck({
  id: 'ALLOW_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE',
  severity: 'info',
  title: 'An Allow requires a tag condition key that some of its actions never have in their request.',
  docs: analyzerDocs('suggestion-allow-with-unsupported-tag-condition-key-for-service'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    conditionsOf(policy).forEach((entry) => {
      const family = tagKeyFamily(entry.lowerName);
      // A condition that also matches without the key (IfExists, ForAllValues, negations) still allows those actions.
      if (!family || !entry.parsed || matchesAbsentKey(entry.parsed) || entry.statement.effect !== 'Allow') return;
      const actions = unsupportedActions(entry.statement, family);
      if (actions.length === 0) return;
      const services = [...new Set(actions.map((a) => a.service.toLowerCase()))].map((s) => `"${s}"`).join(', ');
      const listed = actions.map((a) => a.value).join(', ');
      out.push({
        range: policy.range(entry.key),
        message: `${entry.name} is never in the request of ${listed} (${services}), so this statement allows ${actions.length === 1 ? 'it' : 'none of them'}: move ${actions.length === 1 ? 'it' : 'them'} to a statement without this condition.`,
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

/** The statement's Action strings none of whose actions takes the key (a wildcard with one that does is fine). */
function unsupportedActions(statement: Statement, family: string): ActionString[] {
  const data = iamData();
  // NotAction, a wildcard service or "*" stand for services we cannot list; unknown actions are INVALID_ACTION's.
  return statement.actions.filter((action) => action.element === 'Action' && !hasWildcard(action.service) && data.service(action.service) !== undefined && !takes(action.value, family));
}

/** By action string and key family: "ec2:Describe*" matches hundreds of actions, asked once. */
const taken = new Map<string, boolean>();

function takes(value: string, family: string): boolean {
  const cacheKey = `${family} ${value}`;
  let result = taken.get(cacheKey);
  if (result === undefined) {
    const matched = iamData().matchActions(value);
    result = matched.length === 0 || matched.some((a) => a.conditionKeySet.has(family));
    if (taken.size > 5000) taken.clear();
    taken.set(cacheKey, result);
  }
  return result;
}
