import type { Report } from '../../language/check';
import { grantsAccess } from '../policy-type';
import { mayNameIam } from '../actions';
import { effectOf, resourceStrings } from '../values';
import { hasWildcard } from '../wildcard';
import { analyzerDocs, iamCheck } from '../define';
import { limitsServiceName } from '../service-guards';

export const createSlrWithStarInResource = iamCheck({
  id: 'CREATE_SLR_WITH_STAR_IN_RESOURCE',
  severity: 'warning',
  title: 'iam:CreateServiceLinkedRole is allowed on every role ("Resource": "*").',
  docs: analyzerDocs('general-warning-create-slr-with-star-in-resource'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    // Guardrails (boundaries, SCPs, RCPs) cap access: their broad Allows grant nothing.
    if (!grantsAccess(policy.type.type)) return out;
    policy.statements.forEach((statement) => {
      if (!statement.actions.some(mayNameIam) || effectOf(statement) !== 'Allow' || !resourceStrings(statement)?.includes('*') || limitsServiceName(statement)) return;
      for (const action of statement.actions) {
        // A wildcard action is CREATE_SLR_WITH_STAR_IN_ACTION_AND_RESOURCE's.
        if (!mayNameIam(action) || hasWildcard(action.value) || action.name.toLowerCase() !== 'createservicelinkedrole') continue;
        out.push({ range: policy.range(action.node), message: 'iam:CreateServiceLinkedRole on "*" allows creating any service\'s linked role: limit Resource to the service\'s role ARN or add an iam:AWSServiceName condition.' });
      }
    });
    return out;
  },
});
