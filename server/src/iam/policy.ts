import type { Node } from 'jsonc-parser';
import { parseJsonDocument } from '../document/json';
import type { SourceDocument } from '../document/model';
import { openingRange } from '../document/opening';
import { valueSpan } from '../document/string-span';
import { elements, propertyNode } from '../document/tree';
import type { RegionContext } from '../language/check';
import type { DocumentRegion } from '../language/classify';
import type { TextRange } from '../language/finding';
import { scanActions } from './actions';
import { holdsIntrinsic } from './values';
import { decodeStringToken, mapRange, unmapOffset, type DecodedString } from './embedded';
import { policyTypeFromContent, policyTypeFromContext, policyTypeFromFileName } from './policy-type';
import { type Element, type Policy, type PolicyTypeDecision, type ResourceString, type Statement, type StatementElement, statementElements } from './policy-model';

export { type Element, type Policy, type ResourceString, type Statement, type StatementElement, statementElements } from './policy-model';

const cache = new WeakMap<DocumentRegion, Policy | null>();

/** The policy of a region, built once per analysis and shared by every check. */
export function policyOf(context: RegionContext): Policy | undefined {
  const cached = cache.get(context.region);
  if (cached !== undefined) return cached ?? undefined;
  const policy = buildPolicy(context);
  cache.set(context.region, policy ?? null);
  return policy;
}

function buildPolicy(context: RegionContext): Policy | undefined {
  const { region, document } = context;
  let root: Node | undefined = region.node;
  let text = document.text;
  let decoded: DecodedString | undefined;
  let inner: SourceDocument | undefined;
  if (region.shape === 'policy-string') {
    decoded = decodeStringToken(document.text, region.node.offset, region.node.length);
    inner = parseJsonDocument(decoded.text);
    root = inner.root;
    text = decoded.text;
  }
  const statementList = region.shape === 'statement-list';
  if (root?.type !== (statementList ? 'array' : 'object')) return undefined;
  const statementElement = statementList ? listElement(root) : elementOf(root, 'Statement');
  const statementNodes = statementElement?.value.type === 'array' ? elements(statementElement.value) : statementElement ? [statementElement.value] : [];
  const statements = statementNodes.filter((n) => n.type === 'object').map(toStatement);
  const byName = policyTypeFromFileName(context.fileName);
  const byContext = policyTypeFromContext(document.root, region.path);
  const type: PolicyTypeDecision = byName
    ? { type: byName, source: 'file-name' }
    : byContext
      ? { type: byContext, source: 'context' }
      : { type: policyTypeFromContent(statements), source: 'content' };
  const escape = (value: string) => (decoded ? JSON.stringify(value).slice(1, -1) : value);
  const map = (range: TextRange): TextRange => (decoded ? mapRange(decoded, range) : range);
  return {
    root,
    statementList,
    text,
    inner,
    statements,
    statementElement,
    type,
    range: (node) => map({ offset: node.offset, length: node.length }),
    opening: (node) => map(openingRange(text, node)),
    rangeInString(node, start, length) {
      if (node.type !== 'string') return map({ offset: node.offset, length: node.length });
      return map(valueSpan(text, node, start, length));
    },
    literal: (value) => escape(JSON.stringify(value)),
    raw: (value) => escape(value),
    toPolicyOffset: (offset) => (decoded ? unmapOffset(decoded, offset) : offset),
  };
}

const noKeys: readonly Node[] = [];

function toStatement(node: Node): Statement {
  // Every field set, in one order: one object shape for all statements keeps property reads fast.
  const found: Record<StatementElement, Element | undefined> = {
    Sid: undefined, Effect: undefined, Principal: undefined, NotPrincipal: undefined, Action: undefined,
    NotAction: undefined, Resource: undefined, NotResource: undefined, Condition: undefined,
  };
  let otherKeys: Node[] | undefined;
  for (const property of node.children ?? []) {
    const key = property.children?.[0];
    const value = property.children?.[1];
    if (!key) continue;
    if (!value) {
      if (!statementElements.includes(key.value)) (otherKeys ??= []).push(key);
      continue;
    }
    // A switch of named stores, not found[key.value]: keyed stores on this object are several times slower, for every statement.
    switch (key.value) {
      case 'Sid': found.Sid = { key, value }; break;
      case 'Effect': found.Effect = { key, value }; break;
      case 'Principal': found.Principal = { key, value }; break;
      case 'NotPrincipal': found.NotPrincipal = { key, value }; break;
      case 'Action': found.Action = { key, value }; break;
      case 'NotAction': found.NotAction = { key, value }; break;
      case 'Resource': found.Resource = { key, value }; break;
      case 'NotResource': found.NotResource = { key, value }; break;
      case 'Condition': found.Condition = { key, value }; break;
      default: (otherKeys ??= []).push(key);
    }
  }
  const effect = found.Effect?.value.type === 'string' ? String(found.Effect.value.value) : undefined;
  const bareActions: Node[] = [];
  const actions = scanActions(found, bareActions);
  return { node, elements: found, actions, resources: scanResources(found), otherKeys: otherKeys ?? noKeys, effect, bareActions: bareActions.length ? bareActions : noKeys };
}

function scanResources(elements: Statement['elements']): ResourceString[] {
  const out: ResourceString[] = [];
  for (const element of ['Resource', 'NotResource'] as const) {
    const value = elements[element]?.value;
    if (!value || holdsIntrinsic(value)) continue;
    for (const node of value.type === 'array' ? (value.children ?? []) : [value]) {
      if (node.type === 'string' && typeof node.value === 'string') out.push({ node, value: node.value, element });
    }
  }
  return out;
}

/** The key and value of a property, the last one when it repeats. */
/** A list of statements as the Statement element: its key is the key that holds the list. */
function listElement(list: Node): Element | undefined {
  const key = list.parent?.type === 'property' ? list.parent.children?.[0] : undefined;
  return key ? { key, value: list } : undefined;
}

export function elementOf(node: Node, name: string): Element | undefined {
  const prop = propertyNode(node, name);
  const key = prop?.children?.[0];
  const value = prop?.children?.[1];
  return key && value ? { key, value } : undefined;
}
