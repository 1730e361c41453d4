import type { CursorContext } from '../language/domain';
import type { HoverResult } from '../language/finding';
import { namesOf, policyCursor } from './cursor';
import { iamData, type ActionInfo, type ConditionKeyInfo } from './data/iam-data';
import { familiesForType, familyDescriptions, parseOperator, typesForFamily } from './operators';
import { parseArn } from './arn';
import { arnFits } from './arn-templates';
import { hasWildcard } from './wildcard';

const listedActions = 40;

/** Hover on actions, condition operators and condition keys, from the reference data. */
export function hover(context: CursorContext): HoverResult | undefined {
  const cursor = policyCursor(context, context.offset);
  if (!cursor?.node || cursor.node.type !== 'string') return undefined;
  const names = namesOf(cursor.path);
  const text = String(cursor.node.value);
  const range = cursor.policy.range(cursor.node);
  const [first, second] = names.slice(-2);
  if (first === 'Statement' && (second === 'Action' || second === 'NotAction')) {
    const markdown = actionHover(text);
    return markdown ? { markdown, range } : undefined;
  }
  if (first === 'Statement' && (second === 'Resource' || second === 'NotResource') && text.startsWith('arn:')) {
    const markdown = arnHover(text);
    return markdown ? { markdown, range } : undefined;
  }
  if (cursor.atKey && names.at(-3) === 'Statement' && names.at(-2) === 'Condition') {
    const markdown = operatorHover(text);
    return markdown ? { markdown, range } : undefined;
  }
  if (cursor.atKey && names.at(-4) === 'Statement' && names.at(-3) === 'Condition') {
    const info = iamData().conditionKey(text);
    return info ? { markdown: keyHover(info), range } : undefined;
  }
  return undefined;
}

function actionHover(text: string): string | undefined {
  const data = iamData();
  const colon = text.indexOf(':');
  if (text !== '*' && colon < 0) return undefined;
  if (text === '*' || hasWildcard(text.slice(colon + 1))) {
    const matched = data.matchActions(text);
    if (text === '*') return `**\`*\`**: every action of every service (${matched.length.toLocaleString('en-US')} actions).`;
    const service = data.service(text.slice(0, colon));
    if (!service) return undefined;
    const shown = matched.slice(0, listedActions).map((a) => `\`${a.name}\` (${a.accessLevel})`).join(', ');
    const more = matched.length > listedActions ? `, and ${matched.length - listedActions} more` : '';
    return `**\`${text}\`** matches ${matched.length} action${matched.length === 1 ? '' : 's'} of [${service.name}](${service.docsUrl})${matched.length ? `: ${shown}${more}.` : '.'}`;
  }
  const action = data.action(text.slice(0, colon), text.slice(colon + 1));
  return action ? describeAction(action) : undefined;
}

/** The markdown for one action: what it does, its access level, resource types and condition keys. */
function describeAction(action: ActionInfo): string {
  const lines = [`**${action.service.prefix}:${action.name}** (${action.accessLevel})`, '', `${action.description}.`.replace(/\.\.$/, '.'), ''];
  if (action.resourceTypes.length === 0) lines.push('Resource types: none (use `"Resource": "*"`).');
  else {
    lines.push('Resource types:');
    for (const type of action.resourceTypes) lines.push(`- \`${type.name}\`${type.required ? ' (required)' : ''}${type.arn ? `: \`${type.arn}\`` : ''}`);
  }
  if (action.conditionKeys.length) lines.push('', `Condition keys: ${action.conditionKeys.map((k) => `\`${k}\``).join(', ')}`);
  lines.push('', `[${action.service.name} in the Service Authorization Reference](${action.service.docsUrl})`);
  return lines.join('\n');
}

/** Which resource types of its service an ARN can be, by matching the service's ARN templates. */
function arnHover(text: string): string | undefined {
  const arn = parseArn(text);
  const service = arn.service && iamData().service(arn.service.text);
  if (!service) return undefined;
  const types = iamData().resourceTypes(service.prefix).filter((t) => arnFits(text, t.arn));
  const fields = `partition \`${arn.partition?.text ?? ''}\`, region \`${arn.region?.text || '(none)'}\`, account \`${arn.account?.text || '(none)'}\``;
  const list = types.length ? types.map((t) => `- \`${t.name}\`: \`${t.arn}\``).join('\n') : 'No resource type of this service has an ARN of this form.';
  return `**${service.name}** ARN (${fields})\n\n${list}\n\n[Resource types of ${service.name}](${service.docsUrl})`;
}

function operatorHover(text: string): string | undefined {
  const parsed = parseOperator(text);
  if (!parsed) return undefined;
  const parts = [`**${text}**: ${familyDescriptions[parsed.family]}`, `Takes keys of type ${typesForFamily(parsed.family).map((t) => `\`${t}\``).join(', ')} (and their multivalued \`ArrayOf\` forms).`];
  if (parsed.ifExists) parts.push('`IfExists`: also true when the key is absent from the request.');
  if (parsed.qualifier === 'ForAllValues') parts.push('`ForAllValues`: true when every value of the multivalued key in the request matches one of the listed values (and when the key is absent).');
  if (parsed.qualifier === 'ForAnyValue') parts.push('`ForAnyValue`: true when at least one value of the multivalued key in the request matches one of the listed values.');
  parts.push('[Condition operators](https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html)');
  return parts.join('\n\n');
}

function keyHover(info: ConditionKeyInfo): string {
  const operators = familiesForType(info.type).filter((f) => f !== 'Null').map((f) => `${f}*`).join(', ');
  const multi = info.type.startsWith('ArrayOf') ? ' It is multivalued: use it with `ForAnyValue:` or `ForAllValues:`.' : '';
  return `**${info.key}** (${info.type})\n\n${info.description}${multi}\n\nOperators: ${operators}, Null\n\n[Reference](${info.docsUrl})`;
}
