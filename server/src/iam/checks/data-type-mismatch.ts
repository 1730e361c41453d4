import type { Node } from 'jsonc-parser';
import { elements } from '../../document/tree';
import type { Report } from '../../language/check';
import { elementOf, statementElements, type Policy, type StatementElement } from '../policy';
import { isIntrinsic } from '../values';
import { analyzerDocs, iamCheck } from '../define';

type Shape = 'string' | 'strings' | 'statements' | 'principal' | 'condition';

const elementShapes: Readonly<Record<StatementElement, Shape>> = {
  Sid: 'string', Effect: 'string', Action: 'strings', NotAction: 'strings', Resource: 'strings', NotResource: 'strings',
  Principal: 'principal', NotPrincipal: 'principal', Condition: 'condition',
};

/**
 * Each element takes one JSON shape. CloudFormation intrinsic functions stand
 * for values known only at deploy time and are accepted wherever a value is.
 */
export const dataTypeMismatch = iamCheck({
  id: 'DATA_TYPE_MISMATCH',
  severity: 'error',
  title: 'An element\'s value has the wrong JSON type.',
  docs: analyzerDocs('error-data-type-mismatch'),
  run(policy) {
    const out: Report[] = [];
    const version = elementOf(policy.root, 'Version');
    if (version) expect(out, policy, version.value, 'string', 'Version');
    const id = elementOf(policy.root, 'Id');
    if (id) expect(out, policy, id.value, 'string', 'Id');
    if (policy.statementElement) expect(out, policy, policy.statementElement.value, 'statements', 'Statement');
    policy.statements.forEach((statement) => {
      for (const name of statementElements) {
        const element = statement.elements[name];
        if (element) expect(out, policy, element.value, elementShapes[name], name);
      }
    });
    return out;
  },
});

/** Pushes a report for each value of the wrong shape (a loop, not a generator: it runs for every element of every statement). */
function expect(out: Report[], policy: Policy, node: Node, shape: Shape, name: string): void {
  if (isIntrinsic(node)) return;
  switch (shape) {
    case 'string':
      if (node.type !== 'string') out.push(wrongShape(policy, name, node, 'a string'));
      return;
    case 'strings':
      if (node.type === 'array') {
        for (const item of elements(node)) if (item.type !== 'string' && !isIntrinsic(item)) out.push(wrongShape(policy, name, item, 'a string or an array of strings'));
      } else if (node.type !== 'string') out.push(wrongShape(policy, name, node, 'a string or an array of strings'));
      return;
    case 'statements':
      if (node.type === 'array') {
        for (const item of elements(node)) if (item.type !== 'object') out.push(wrongShape(policy, name, item, 'an array of statement objects'));
      } else if (node.type !== 'object') out.push(wrongShape(policy, name, node, 'a statement object or an array of them'));
      return;
    case 'principal':
      if (node.type === 'string') {
        if (node.value !== '*') out.push({ range: policy.range(node), message: `${name} as a string must be "*"; name principals in an object such as {"AWS": "arn:aws:iam::123456789012:root"}.` });
      } else if (node.type === 'object') {
        for (const property of node.children ?? []) {
          const [kind, value] = property.children ?? [];
          if (kind && value) expect(out, policy, value, 'strings', `${name}.${String(kind.value)}`);
        }
      } else out.push(wrongShape(policy, name, node, '"*" or an object'));
      return;
    case 'condition':
      if (node.type !== 'object') {
        out.push(wrongShape(policy, name, node, 'an object of condition operators'));
        return;
      }
      for (const operatorProperty of node.children ?? []) {
        const [operatorKey, block] = operatorProperty.children ?? [];
        if (!operatorKey || !block || isIntrinsic(block)) continue;
        const operator = String(operatorKey.value);
        if (block.type !== 'object') {
          out.push(wrongShape(policy, name, block, 'an object of condition keys'));
          continue;
        }
        for (const keyProperty of block.children ?? []) {
          const value = keyProperty.children?.[1];
          if (!value) continue;
          if (value.type !== 'array') {
            if (!isScalar(value)) out.push(wrongShape(policy, name, value, `a string, number or boolean (or an array of them) under ${operator}`));
            continue;
          }
          for (const item of elements(value)) if (!isScalar(item)) out.push(wrongShape(policy, name, item, `a string, number or boolean (or an array of them) under ${operator}`));
        }
      }
      return;
  }
}

/** No closure per call: `expect` runs for every element of every statement. */
function wrongShape(policy: Policy, name: string, at: Node, what: string): Report {
  return { range: policy.range(at), message: `${name} must be ${what}, not ${describe(at)}.` };
}

/** A condition value IAM can compare: a string, number or boolean, or an intrinsic standing for one. */
function isScalar(node: Node): boolean {
  return node.type === 'string' || node.type === 'number' || node.type === 'boolean' || isIntrinsic(node);
}

function describe(node: Node): string {
  return node.type === 'null' ? 'null' : `${/^[aeiou]/.test(node.type) ? 'an' : 'a'} ${node.type}`;
}
