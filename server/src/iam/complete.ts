import type { Node } from 'jsonc-parser';
import { elements } from '../document/tree';
import type { CursorContext } from '../language/domain';
import type { CompletionProposal, TextRange } from '../language/finding';
import { namesOf, policyCursor, type PolicyCursor } from './cursor';
import { iamData, type ActionInfo } from './data/iam-data';
import { splitTemplates } from './arn-templates';
import { operatorNames } from './operators';
import { statementElements } from './policy';
import { actionStrings } from './values';

/**
 * Completion in the places IAM names things: service prefixes and actions in
 * Action/NotAction, operators and keys in Condition, element names and
 * Effect values. Every proposal replaces the whole JSON string, quotes included.
 */
export function complete(context: CursorContext): readonly CompletionProposal[] {
  const cursor = policyCursor(context, context.offset);
  if (!cursor) return [];
  const names = namesOf(cursor.path);
  const replace = replacedRange(cursor);
  const typed = typedText(cursor);
  const last = names.at(-1);
  if (!cursor.atKey && names.at(-2) === 'Statement' && (last === 'Action' || last === 'NotAction')) return actionProposals(cursor, replace, typed);
  if (!cursor.atKey && names.at(-2) === 'Statement' && (last === 'Resource' || last === 'NotResource')) return resourceProposals(cursor, replace);
  if (!cursor.atKey && names.at(-2) === 'Statement' && last === 'Effect') return ['Allow', 'Deny'].map((v) => proposal(cursor, replace, v, 'keyword'));
  if (cursor.atKey && names.at(-3) === 'Statement' && names.at(-2) === 'Condition') return operatorProposals(cursor, replace);
  if (cursor.atKey && names.at(-4) === 'Statement' && names.at(-3) === 'Condition') return keyProposals(cursor, replace);
  if (cursor.atKey && names.at(-2) === 'Statement' && names.length === 2) return statementElements.map((e) => proposal(cursor, replace, e, 'property'));
  if (cursor.atKey && names.length === 1) return ['Version', 'Id', 'Statement'].map((e) => proposal(cursor, replace, e, 'property'));
  return [];
}

/** The string under the cursor (quotes included), or an empty range at the cursor. */
function replacedRange(cursor: PolicyCursor): TextRange {
  const node = cursor.node;
  if (node?.type === 'string' && cursor.offset > node.offset && cursor.offset < node.offset + node.length + 1) return cursor.policy.range(node);
  return cursor.policy.range({ offset: cursor.offset, length: 0 });
}

/** What the user typed inside the string, up to the cursor. */
function typedText(cursor: PolicyCursor): string {
  const node = cursor.node;
  if (node?.type !== 'string') return '';
  // Quoted in JSON and in some YAML; a plain YAML scalar has no quote to skip.
  const quote = /^["']/.test(cursor.policy.text.charAt(node.offset)) ? 1 : 0;
  return cursor.policy.text.slice(node.offset + quote, Math.min(cursor.offset, node.offset + node.length - quote));
}

function proposal(cursor: PolicyCursor, range: TextRange, value: string, kind: CompletionProposal['kind'], extra: Partial<CompletionProposal> = {}): CompletionProposal {
  const newText = cursor.policy.literal(value);
  return { label: value, kind, edit: { ...range, newText }, filterText: newText, ...extra };
}

function actionProposals(cursor: PolicyCursor, range: TextRange, typed: string): CompletionProposal[] {
  const data = iamData();
  const colon = typed.indexOf(':');
  if (colon < 0) {
    return data.services().map((service) => ({
      label: service.prefix,
      kind: 'module' as const,
      detail: service.name,
      // Land inside the quotes after the colon, ready for the action.
      edit: { ...range, newText: `${cursor.policy.raw(`"${service.prefix}:`)}$0${cursor.policy.raw('"')}` },
      filterText: cursor.policy.raw(`"${service.prefix}:`),
      snippet: true,
    }));
  }
  return data.actions(typed.slice(0, colon)).map((action) =>
    proposal(cursor, range, `${action.service.prefix}:${action.name}`, 'function', { detail: `${action.accessLevel}: ${action.description}`, sortText: action.name }),
  );
}

/** ARN templates of the resource types the statement's actions work on, as snippets with a tab stop per variable. */
function resourceProposals(cursor: PolicyCursor, range: TextRange): CompletionProposal[] {
  const data = iamData();
  const statement = statementAt(cursor);
  const actions = statement ? (actionStrings(statement) ?? []).flatMap((a) => (a === '*' ? [] : data.matchActions(a))) : [];
  const templates = new Map<string, string>();
  for (const action of actions) {
    for (const type of action.resourceTypes) {
      for (const arn of type.arn ? splitTemplates(type.arn) : []) if (!templates.has(arn)) templates.set(arn, `${action.service.prefix} ${type.name}`);
    }
  }
  return [...templates].map(([arn, what], i) => {
    let stop = 0;
    const body = arn.replace(/\$\{([^}]*)\}/g, (_, name: string) => (name === 'Partition' ? 'aws' : `\${${++stop}:${name}}`));
    return {
      label: arn,
      kind: 'value' as const,
      detail: what,
      edit: { ...range, newText: cursor.policy.raw(JSON.stringify(body)) },
      filterText: cursor.policy.raw(JSON.stringify(arn)),
      sortText: String(i).padStart(4, '0'),
      snippet: true,
    };
  });
}

function operatorProposals(cursor: PolicyCursor, range: TextRange): CompletionProposal[] {
  const all = operatorNames.flatMap((name) => (name === 'Null' ? [name] : [name, `${name}IfExists`]));
  const qualified = operatorNames.filter((n) => /^(String|Arn)/.test(n)).flatMap((n) => [`ForAnyValue:${n}`, `ForAllValues:${n}`]);
  return [...all, ...qualified].map((op, i) => proposal(cursor, range, op, 'keyword', { sortText: String(i).padStart(3, '0') }));
}

function keyProposals(cursor: PolicyCursor, range: TextRange): CompletionProposal[] {
  const data = iamData();
  const statement = statementAt(cursor);
  const actions: ActionInfo[] = statement ? (actionStrings(statement) ?? []).flatMap((a) => (a === '*' ? [] : data.matchActions(a))) : [];
  const services = new Set(actions.map((a) => a.service.prefix));
  const relevant = new Set(actions.flatMap((a) => a.conditionKeys.map((k) => k.toLowerCase())));
  const keys = [...new Map([...data.conditionKeys(), ...[...services].flatMap((s) => data.conditionKeys(s))].map((k) => [k.key, k])).values()];
  return keys
    .filter((k) => k.scope === 'global' || relevant.size === 0 || relevant.has(k.key.toLowerCase()))
    .map((k) => proposal(cursor, range, k.key.replace(/\/tag-key$/, '/${TagKey}'), 'constant', { detail: k.type, documentation: k.description, sortText: `${k.scope === 'global' ? 1 : 0}${k.key}` }));
}

/** The statement object holding the cursor (its index is the path's second step when Statement is an array). */
function statementAt(cursor: PolicyCursor) {
  const index = cursor.path[1];
  const statementNode: Node | undefined = typeof index === 'number' ? elements(cursor.policy.statementElement?.value)[index] : cursor.policy.statementElement?.value;
  return cursor.policy.statements.find((s) => s.node === statementNode);
}
