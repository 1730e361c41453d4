import type { Node } from 'jsonc-parser';
import { elements, properties, propertyValue, stringValue } from '../document/tree';
import { region, type DetectionContext, type DocumentRegion } from '../language/classify';

/** The region kind of IAM policies. */
export const iamKind = 'iam-policy';

/** How policies are kept: a policy object, a policy as a JSON string (CLI output), a list of statements (serverless.yml). */
export type IamShape = 'policy' | 'policy-string' | 'statement-list';

const iamVersions: ReadonlySet<string> = new Set(['2012-10-17', '2008-10-17']);
/** Keys under which AWS CLI output and APIs carry a policy as a JSON-encoded string. */
const policyStringKeys: ReadonlySet<string> = new Set(['Policy', 'PolicyDocument', 'AssumeRolePolicyDocument', 'Document', 'Content', 'KeyPolicy']);

/** Every IAM policy in a tree: at its root, anywhere below (templates, CLI output), and serverless.yml's statement lists. */
export function detectPolicies(root: Node, { template }: DetectionContext): DocumentRegion[] {
  const regions: DocumentRegion[] = [];
  findPolicies(root, true, regions);
  if (template === 'serverless-template') for (const list of serverlessStatementLists(root)) regions.push(region(iamKind, 'statement-list', list));
  return regions;
}

/** A policy at the root is recognised while still incomplete; deeper ones need to look like a policy. */
function findPolicies(node: Node, atRoot: boolean, out: DocumentRegion[]): void {
  if (node.type === 'object') {
    if (looksLikePolicy(node, atRoot)) {
      out.push(region(iamKind, 'policy', node));
      return;
    }
    for (const { name, value } of properties(node)) {
      if (policyStringKeys.has(name) && isPolicyString(value)) out.push(region(iamKind, 'policy-string', value));
      else findPolicies(value, false, out);
    }
  } else if (node.type === 'array') {
    for (const element of elements(node)) findPolicies(element, false, out);
  }
}

function looksLikePolicy(node: Node, atRoot: boolean): boolean {
  const statement = propertyValue(node, 'Statement');
  const version = stringValue(propertyValue(node, 'Version'));
  if (atRoot) return statement !== undefined || (version !== undefined && iamVersions.has(version));
  if (!statement) return false;
  if (version !== undefined && iamVersions.has(version)) return true;
  const statements = statement.type === 'array' ? elements(statement) : [statement];
  return statements.some((s) => propertyValue(s, 'Effect') !== undefined || propertyValue(s, 'Action') !== undefined);
}

function isPolicyString(node: Node): boolean {
  const text = stringValue(node);
  return text !== undefined && /^\s*\{/.test(text) && text.includes('"Statement"');
}

/**
 * The Serverless Framework's IAM statements: `provider.iam.role.statements`
 * (v3 and later), the older `provider.iamRoleStatements`, and per function
 * `iamRoleStatements` (serverless-iam-roles-per-function).
 */
function serverlessStatementLists(root: Node): Node[] {
  const provider = propertyValue(root, 'provider');
  const lists = [
    propertyValue(propertyValue(propertyValue(provider, 'iam'), 'role'), 'statements'),
    propertyValue(provider, 'iamRoleStatements'),
    ...properties(propertyValue(root, 'functions')).map(({ value }) => propertyValue(value, 'iamRoleStatements')),
  ];
  return lists.filter((list): list is Node => list?.type === 'array');
}
