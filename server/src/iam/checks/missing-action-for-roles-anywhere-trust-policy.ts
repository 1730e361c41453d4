import type { Node } from 'jsonc-parser';
import type { Report } from '../../language/check';
import { propertyValue } from '../../document/tree';
import { analyzerDocs, iamCheck } from '../define';
import type { Statement } from '../policy';
import { holdsIntrinsic, strings } from '../values';
import { covers } from '../wildcard';

/** What IAM Roles Anywhere calls when it hands out credentials: a trust policy must allow all three. */
const needed = ['sts:AssumeRole', 'sts:SetSourceIdentity', 'sts:TagSession'];

/** Judged over the whole policy (the three may be allowed in separate statements), so not per statement. */
export const missingActionForRolesAnywhereTrustPolicy = iamCheck({
  id: 'MISSING_ACTION_FOR_ROLES_ANYWHERE_TRUST_POLICY',
  severity: 'error',
  title: 'A role trust policy trusts IAM Roles Anywhere without allowing sts:AssumeRole, sts:SetSourceIdentity and sts:TagSession.',
  docs: analyzerDocs('error-missing-action-for-roles-anywhere-trust-policy'),
  run(policy): Report[] {
    const out: Report[] = [];
    if (policy.type.type !== 'trust') return out;
    const principals: Node[] = [];
    const allowed: string[] = [];
    let unknown = false;
    policy.statements.forEach((statement) => {
      const node = rolesAnywhere(statement);
      if (!node) return;
      principals.push(node);
      const action = statement.elements.Action?.value;
      // NotAction or an intrinsic: what it allows is not listed here.
      if (!action || holdsIntrinsic(action)) unknown = true;
      else for (const s of strings(action)) allowed.push(s.value);
    });
    if (unknown || principals.length === 0) return out;
    const missing = needed.filter((action) => !allowed.some((a) => covers(a, action, true)));
    if (missing.length === 0) return out;
    for (const node of principals) out.push({ range: policy.range(node), message: `IAM Roles Anywhere needs sts:AssumeRole, sts:SetSourceIdentity and sts:TagSession to assume the role: add ${missing.join(', ')}.` });
    return out;
  },
});

/** The "rolesanywhere.amazonaws.com" string of an Allow statement's Principal.Service. */
function rolesAnywhere(statement: Statement): Node | undefined {
  if (statement.effect !== 'Allow') return undefined;
  return strings(propertyValue(statement.elements.Principal?.value, 'Service')).find((s) => s.value.toLowerCase() === 'rolesanywhere.amazonaws.com')?.node;
}
