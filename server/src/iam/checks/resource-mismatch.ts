import type { Report } from '../../language/check';
import { iamData, type ActionInfo } from '../data/iam-data';
import { arnFits, isKnownResourceType } from '../arn-templates';
import { actionStringsOfStatement } from '../actions';
import { hasWildcard } from '../wildcard';
import { holdsIntrinsic } from '../values';
import { guideDocs, iamCheck } from '../define';
import type { ResourceString } from '../policy';

/**
 * An action authorizes requests on its own resource types only: when none of
 * the statement's resources can be an ARN of those types (ARN templates
 * matched with wildcards), the action is granted on nothing.
 */
export const resourceMismatch = iamCheck({
  id: 'iam.resource-mismatch',
  severity: 'warning',
  title: 'None of the statement\'s resources is of a type the action works on.',
  docs: guideDocs('reference_policies_elements_resource.html'),
  run(policy): Report[] {
    const out: Report[] = [];
    const data = iamData();
    for (const statement of policy.statements) {
      const resource = statement.elements.Resource?.value;
      if (!resource || !statement.elements.Action || holdsIntrinsic(resource)) continue;
      const resources = statement.resources;
      if (resources.length === 0 || !resources.every(judgedArn)) continue;
      for (const action of actionStringsOfStatement(statement)) {
        if (action.element !== 'Action' || !data.service(action.service)) continue;
        const matched = data.matchActions(action.value);
        if (matched.length === 0 || matched.some((a) => fits(a, resources))) continue;
        const sample = matched[0];
        if (!sample) continue;
        out.push({ range: policy.range(action.node), message: hasWildcard(action.name) ? `None of the ${matched.length} actions "${action.value}" matches works on the statement's resources.` : explain(sample) });
      }
    }
    return out;
  },
});

/** An ARN of a resource type the reference knows ("*", and ARNs of unknown types, prove nothing). */
function judgedArn(resource: ResourceString): boolean {
  return resource.value !== '*' && resource.value.startsWith('arn:') && isKnownResourceType(resource.value);
}

function fits(action: ActionInfo, resources: readonly ResourceString[]): boolean {
  // Wildcard-only actions need "*"; a wildcarded ARN is given the benefit of the doubt.
  if (action.resourceTypes.length === 0) return resources.some((r) => r.value.includes('*'));
  return action.resourceTypes.some((type) => type.arn === undefined || resources.some((r) => arnFits(r.value, type.arn ?? '')));
}

function explain(action: ActionInfo): string {
  const full = `${action.service.prefix}:${action.name}`;
  if (action.resourceTypes.length === 0) return `${full} does not support resource-level permissions: it needs "Resource": "*".`;
  const types = action.resourceTypes.map((t) => `${t.name}${t.required ? ' (required)' : ''}${t.arn ? ` ${t.arn}` : ''}`);
  return `${full} works on ${types.join('; ')}; none of the statement's resources is of these types.`;
}
