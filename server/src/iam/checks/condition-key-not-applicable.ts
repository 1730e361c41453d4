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
  *run(policy) {
    const actionsByStatement = new Map<Statement, ActionInfo[] | undefined>();
    for (const entry of conditionsOf(policy)) {
      // Identity providers' claims (saml:, cognito-identity.amazonaws.com:) come with the session, for every action.
      if (entry.info?.scope !== 'service' || entry.parsed?.base === 'Null' || !iamData().service(entry.name.slice(0, entry.name.indexOf(':')))) continue;
      if (!actionsByStatement.has(entry.statement)) actionsByStatement.set(entry.statement, expand(entry.statement));
      const actions = actionsByStatement.get(entry.statement);
      if (!actions || actions.length === 0) continue;
      // An action of the key's service with no condition keys at all in the data: the data is silent, not negative.
      const prefix = entry.name.slice(0, entry.name.indexOf(':')).toLowerCase();
      if (actions.some((a) => a.service.prefix === prefix && a.conditionKeys.length === 0)) continue;
      const key = entry.info.key.toLowerCase();
      if (actions.some((a) => a.conditionKeys.some((k) => k.toLowerCase() === key))) continue;
      const names = actions.length <= 3 ? actions.map((a) => `${a.service.prefix}:${a.name}`).join(', ') : `${actions.length} actions`;
      yield { range: policy.range(entry.key), message: `${entry.info.key} is not in the request context of ${names}: this condition ${entry.parsed?.ifExists ? 'is always skipped' : 'never matches'}.` };
    }
  },
});

/** The statement's actions, when every one of them is known (an unknown or bare `*` makes the check moot). */
function expand(statement: Statement): ActionInfo[] | undefined {
  const data = iamData();
  const strings = actionStrings(statement);
  if (!strings || strings.includes('*')) return undefined;
  const out: ActionInfo[] = [];
  for (const text of strings) {
    const matched = data.matchActions(text);
    if (matched.length === 0) return undefined;
    out.push(...matched);
  }
  return out;
}
