import type { LanguageDomain } from '../language/domain';
import { iamChecks } from './checks';

/** IAM policies: checks against the policy grammar and AWS's service authorization reference, hover, completion. */
export const iamDomain: LanguageDomain = {
  kind: 'iam-policy',
  checks: iamChecks,
};
