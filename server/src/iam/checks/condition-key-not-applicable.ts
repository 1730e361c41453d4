import type { Report } from '../../language/check';
import { conditionsOf } from '../conditions';
import { iamData, type ActionInfo } from '../data/iam-data';
import { actionStrings } from '../values';
import { guideDocs, iamCheck } from '../define';
import type { Statement } from '../policy';

/**
 * A service condition key that none of the statement's actions supports is
 * absent from every request the statement matches: an Allow never matches
 * (unless IfExists), a Deny never applies.
 */
export const conditionKeyNotApplicable = iamCheck({
  id: 'iam.condition-key-not-applicable',
  severity: 'warning',
  title: 'A service condition key applies to none of the statement\'s actions.',
  docs: guideDocs('reference_policies_actions-resources-contextkeys.html'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    const actionsByStatement = new Map<Statement, ReadonlyArray<readonly ActionInfo[]> | undefined>();
    conditionsOf(policy).forEach((entry) => {
      // Identity providers' claims (saml:, cognito-identity.amazonaws.com:) come with the session, for every action.
      if (entry.info?.scope !== 'service' || entry.parsed?.base === 'Null' || !iamData().service(entry.name.slice(0, entry.name.indexOf(':')))) return;
      if (!actionsByStatement.has(entry.statement)) actionsByStatement.set(entry.statement, expand(entry.statement));
      const lists = actionsByStatement.get(entry.statement);
      if (!lists || lists.length === 0) return;
      // An action of the key's service with no condition keys at all in the data: the data is silent, not negative.
      const prefix = entry.name.slice(0, entry.name.indexOf(':')).toLowerCase();
      const key = entry.info.key.toLowerCase();
      if (lists.some((actions) => silentOrSupports(actions, prefix, key))) return;
      const actions = lists.flat();
      const names = actions.length <= 3 ? actions.map((a) => `${a.service.prefix}:${a.name}`).join(', ') : `${actions.length} actions`;
      out.push({ range: policy.range(entry.key), message: `${entry.info.key} is not in the request context of ${names}: this condition ${entry.parsed?.ifExists ? 'is always skipped' : 'never matches'}.` });
    });
    return out;
  },
});

/** Answers by list of actions (the data's cached lists, shared by every statement naming the same action), then by key. */
const answers = new WeakMap<readonly ActionInfo[], Map<string, boolean>>();

/**
 * True when one of the actions has the key, or is of the key's service and
 * has no condition keys at all in the data (silent, not negative).
 */
function silentOrSupports(actions: readonly ActionInfo[], prefix: string, key: string): boolean {
  let byKey = answers.get(actions);
  if (!byKey) answers.set(actions, (byKey = new Map()));
  let answer = byKey.get(key);
  if (answer === undefined) {
    answer = actions.some((a) => (a.service.prefix === prefix && a.conditionKeys.length === 0) || a.conditionKeySet.has(key));
    byKey.set(key, answer);
  }
  return answer;
}

/** The actions each of the statement's Action strings matches, when every one is known (an unknown or bare `*` makes the check moot). */
function expand(statement: Statement): ReadonlyArray<readonly ActionInfo[]> | undefined {
  const data = iamData();
  const strings = actionStrings(statement);
  if (!strings || strings.includes('*')) return undefined;
  const out: Array<readonly ActionInfo[]> = [];
  for (const text of strings) {
    // The data's cached lists, not a copy: `dynamodb:*` alone is 60 actions, for every statement.
    const matched = data.matchActions(text);
    if (matched.length === 0) return undefined;
    out.push(matched);
  }
  return out;
}
