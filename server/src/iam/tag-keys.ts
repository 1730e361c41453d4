import type { ActionString } from './actions';
import { conditionsOf, matchesAbsentKey, type ResolvedCondition } from './conditions';
import { iamData } from './data/iam-data';
import { memo } from './memo';
import type { Policy, Statement } from './policy';
import { holdsIntrinsic, strings } from './values';
import { hasWildcard } from './wildcard';

/**
 * aws:ResourceTag/x, aws:RequestTag/x and aws:TagKeys are in a request only
 * for the actions that support tag-based authorization (the reference lists
 * them per action and resource type). A condition that requires one never
 * holds for the other actions: an Allow does not allow them, a Deny does not
 * deny them. Access Analyzer judges it per action (S3 takes aws:ResourceTag
 * on some actions only), and for NotAction, which always leaves some out.
 */

/** A condition entry on a tag key that holds only when the key is in the request, in a statement of this effect. */
export function requiredTagConditions(policy: Policy, effect: 'Allow' | 'Deny'): readonly ResolvedCondition[] {
  // Found once per effect for the four checks that ask. A condition that also matches without the key (IfExists, ForAllValues, negations) still applies to those actions.
  return memo(policy, `requiredTagConditions ${effect}`, () =>
    conditionsOf(policy).filter((entry) => entry.statement.effect === effect && entry.parsed !== undefined && !matchesAbsentKey(entry.parsed) && tagKeyFamily(entry.lowerName) !== undefined),
  );
}

/** The statement's Action strings none of whose actions takes the entry's key (a wildcard with one that does is fine). */
export function actionsWithoutKey(entry: ResolvedCondition): ActionString[] {
  const family = tagKeyFamily(entry.lowerName);
  if (!family) return [];
  const data = iamData();
  // NotAction, a wildcard service or "*" stand for services we cannot list; unknown actions are INVALID_ACTION's.
  return entry.statement.actions.filter((action) => action.element === 'Action' && !hasWildcard(action.service) && data.service(action.service) !== undefined && !takes(action.value, family));
}

/** True when the statement has a NotAction that leaves some action out of its list (anything but "*" does). */
export function hasOpenNotAction(statement: Statement): boolean {
  const not = statement.elements.NotAction;
  return not !== undefined && !holdsIntrinsic(not.value) && !strings(not.value).some((s) => s.value === '*');
}

/** "route53:ChangeResourceRecordSets, support:* (\"route53\", \"support\")": the actions and their services, for a message. */
export function describeActions(actions: readonly ActionString[]): string {
  const services = [...new Set(actions.map((a) => a.service.toLowerCase()))].map((s) => `"${s}"`).join(', ');
  return `${actions.map((a) => a.value).join(', ')} (${services})`;
}

/** The reference's spelling (lower case) of a tag key's template, or undefined for other keys. */
function tagKeyFamily(lowerName: string): string | undefined {
  if (lowerName.startsWith('aws:resourcetag/')) return 'aws:resourcetag/${tagkey}';
  if (lowerName.startsWith('aws:requesttag/')) return 'aws:requesttag/${tagkey}';
  return lowerName === 'aws:tagkeys' ? lowerName : undefined;
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

/** True for a tag key with no tag after its slash (`aws:ResourceTag/`, `ec2:ResourceTag/`): MISSING_TAG_KEY_IN_CONDITION, not an unknown key. */
export function lacksTagKey(name: string): boolean {
  return name.endsWith('/') && iamData().conditionKey(`${name}tag`) !== undefined;
}
