import { policySizeCheck } from '../policy-size';

/** Trust policies hold 2,048 characters by default; the quota can be raised to 8,192. */
export const policySizeExceedsRoleTrustPolicyQuota = policySizeCheck(
  'POLICY_SIZE_EXCEEDS_ROLE_TRUST_POLICY_QUOTA', 'general-warning-policy-size-exceeds-role-trust-policy-quota', 'warning',
  ['trust'], 2048, 'default role trust policy',
);
