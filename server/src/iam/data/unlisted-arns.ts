/**
 * ARN forms AWS documents and its own tooling uses that the service
 * authorization reference does not list as resource types: an ARN of these
 * forms is a real resource, not a mistyped one.
 */
export const unlistedArnForms: readonly string[] = [
  // SAM and other CloudFormation macros: CreateChangeSet needs the transform's ARN (SAM's deployment docs).
  'arn:${Partition}:cloudformation:${Region}:aws:transform/${TransformName}',
];
