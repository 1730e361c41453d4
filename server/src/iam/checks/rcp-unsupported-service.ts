import type { Report } from '../../language/check';
import { iamCheck } from '../define';
import { rcpServices } from '../rcp-services';

/** An RCP statement on a service RCPs do not apply to restricts nothing (Access Analyzer's RCP_SYNTAX_ERROR_ACTION, kept a warning: AWS's list grows). */
export const rcpUnsupportedService = iamCheck({
  id: 'iam.rcp-unsupported-service',
  severity: 'warning',
  title: 'A resource control policy names an action of a service RCPs do not apply to.',
  docs: 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html#rcp-supported-services',
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    if (policy.type.type !== 'rcp') return out;
    policy.statements.forEach((statement) => {
      for (const action of statement.actions) {
        const service = action.service.toLowerCase();
        if (/[*?]/.test(service) || rcpServices.has(service)) continue;
        out.push({ range: policy.rangeInString(action.node, 0, action.service.length), message: `RCPs do not apply to ${action.service} (it is not in AWS's list of services that support RCPs): this statement restricts nothing for it.` });
      }
    });
    return out;
  },
});
