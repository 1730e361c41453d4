import type { LanguageDomain } from '../language/domain';
import { assists } from './assists';
import { iamChecks } from './checks';
import { complete } from './complete';
import { detectPolicies, iamKind } from './detect';
import { hover } from './hover';

/** IAM policies: checks against the policy grammar and AWS's service authorization reference, hover, completion. */
export const iamDomain: LanguageDomain = {
  kind: iamKind,
  detect: detectPolicies,
  checks: iamChecks,
  hover,
  complete,
  assists,
};
