import type { Node } from 'jsonc-parser';
import { memo } from './memo';
import type { Policy } from './policy';

/** The partitions AWS has; an ARN's second field is one of them. */
export const partitions: readonly string[] = ['aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f', 'aws-eusc'];

/** One field of an ARN and where it starts in the string. */
export interface ArnField {
  readonly text: string;
  readonly start: number;
}

/** An ARN split into its fields: arn, partition, service, region, account and the resource (which may hold colons). */
export interface ParsedArn {
  readonly fields: readonly ArnField[];
  readonly partition: ArnField | undefined;
  readonly service: ArnField | undefined;
  readonly region: ArnField | undefined;
  readonly account: ArnField | undefined;
  readonly resource: ArnField | undefined;
}

export function parseArn(text: string): ParsedArn {
  const fields: ArnField[] = [];
  let start = 0;
  for (let i = 0; i < 5; i++) {
    const colon = text.indexOf(':', start);
    if (colon < 0) break;
    fields.push({ text: text.slice(start, colon), start });
    start = colon + 1;
  }
  fields.push({ text: text.slice(start), start });
  return { fields, partition: fields[1], service: fields[2], region: fields[3], account: fields[4], resource: fields[5] };
}

/** A field that holds a wildcard or a policy variable stands for values we cannot judge. */
export function isOpen(field: ArnField | undefined): boolean {
  return field !== undefined && /[*?]|\$\{/.test(field.text);
}

/** A Resource or NotResource string that is written as an ARN (starts with `arn:`). */
export interface ResourceArn {
  readonly node: Node;
  readonly value: string;
  readonly arn: ParsedArn;
}

/** Every ARN-looking string of the policy's Resource and NotResource elements. */
export function resourceArns(policy: Policy): readonly ResourceArn[] {
  return memo(policy, 'resourceArns', () => {
    const out: ResourceArn[] = [];
    policy.statements.forEach((statement) => {
      for (const { node, value } of statement.resources) if (value.startsWith('arn:')) out.push({ node, value, arn: parseArn(value) });
    });
    return out;
  });
}
