import type { Report } from '../../language/check';
import { iamData, type ActionInfo } from '../data/iam-data';
import { arnFits, isKnownResourceType } from '../arn-templates';
import { isOpen, parseArn } from '../arn';
import { unlistedArnForms } from '../data/unlisted-arns';
import { actionStringsOfStatement } from '../actions';
import { hasWildcard } from '../wildcard';
import { holdsIntrinsic } from '../values';
import { guideDocs, iamCheck } from '../define';
import type { ResourceString } from '../policy';

/**
 * An action authorizes requests on its own resource types only: when none of
 * the statement's resources can be an ARN of those types (ARN templates
 * matched with wildcards), the action is granted on nothing. And an ARN of no
 * resource type its service defines (parliament's RESOURCE_MISMATCH on
 * `ec2:...:fake_resource_type/*`) matches no resource at all.
 */
export const resourceMismatch = iamCheck({
  id: 'iam.resource-mismatch',
  severity: 'warning',
  title: 'A resource ARN is of no resource type of its service, or none of the statement\'s resources is of a type the action works on.',
  docs: guideDocs('reference_policies_elements_resource.html'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    const data = iamData();
    policy.statements.forEach((statement) => {
      for (const r of statement.resources) {
        const problem = r.element === 'Resource' ? unknownType(r.value) : undefined;
        if (problem) out.push({ range: policy.range(r.node), message: problem });
      }
      const resource = statement.elements.Resource?.value;
      if (!resource || !statement.elements.Action || holdsIntrinsic(resource)) return;
      const resources = statement.resources;
      if (resources.length === 0 || !resources.every(judgedArn)) return;
      for (const action of actionStringsOfStatement(statement)) {
        if (action.element !== 'Action' || !data.service(action.service)) continue;
        const matched = data.matchActions(action.value);
        if (matched.length === 0 || anyFits(matched, resources)) continue;
        const sample = matched[0];
        if (!sample) continue;
        out.push({ range: policy.range(action.node), message: hasWildcard(action.name) ? `None of the ${matched.length} actions "${action.value}" matches works on the statement's resources.` : explain(sample) });
      }
    });
    return out;
  },
});

/** An ARN of a resource type the reference knows ("*", and ARNs of unknown types, prove nothing). */
function judgedArn(resource: ResourceString): boolean {
  return resource.value !== '*' && resource.value.startsWith('arn:') && isKnownResourceType(resource.value);
}

/** True when one of the actions works on one of the resources (plain loops: this runs for every action of every statement). */
function anyFits(actions: readonly ActionInfo[], resources: readonly ResourceString[]): boolean {
  for (const action of actions) {
    // Wildcard-only actions need "*"; a wildcarded ARN is given the benefit of the doubt.
    if (action.resourceTypes.length === 0) {
      for (const r of resources) if (r.value.includes('*')) return true;
      continue;
    }
    for (const type of action.resourceTypes) {
      if (type.arn === undefined) return true;
      for (const r of resources) if (arnFits(r.value, type.arn)) return true;
    }
  }
  return false;
}

function explain(action: ActionInfo): string {
  const full = `${action.service.prefix}:${action.name}`;
  if (action.resourceTypes.length === 0) return `${full} does not support resource-level permissions: it needs "Resource": "*".`;
  const types = action.resourceTypes.map((t) => `${t.name}${t.required ? ' (required)' : ''}${t.arn ? ` ${t.arn}` : ''}`);
  return `${full} works on ${types.join('; ')}; none of the statement's resources is of these types.`;
}

/**
 * Why an ARN is of no resource type of its service, or undefined when it is of
 * one (or cannot be judged: an open or unknown service, missing fields, a
 * resource part that is all wildcard).
 */
function unknownType(value: string): string | undefined {
  // Most ARNs are of a type of the service their prefix names: that test is cached for the action check too.
  if (!value.startsWith('arn:') || isKnownResourceType(value)) return undefined;
  const arn = parseArn(value);
  const service = arn.service;
  if (arn.fields.length < 6 || !service || isOpen(service) || /^[*?]*$/.test(arn.resource?.text ?? '')) return undefined;
  const types = iamData().arnResourceTypes(service.text);
  if (types.length === 0 || types.some((t) => arnFits(value, t.arn)) || unlistedArnForms.some((form) => arnFits(value, form))) return undefined;
  const names = [...new Set(types.map((t) => t.name))];
  // The type the ARN seems to mean, by the word its resource starts with: its template shows the form it takes.
  const word = /^[A-Za-z0-9-]+/.exec(arn.resource?.text ?? '')?.[0]?.toLowerCase();
  const meant = types.find((t) => t.name.toLowerCase() === word);
  const listed = names.length > 12 ? `${names.slice(0, 12).join(', ')}... (${names.length} types)` : names.join(', ');
  return `"${value}" is of no resource type "${service.text}" ARNs have (${listed}), so it matches nothing.${meant ? ` ${meant.name} ARNs take the form ${meant.arn}.` : ''}`;
}
