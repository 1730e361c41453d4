import { policySizeCheck } from '../policy-size';

/** Managed policies hold 6,144 characters; inline ones share 2,048 (user), 5,120 (group) or 10,240 (role) per identity. */
export const policySizeExceedsIdentityPolicyQuota = policySizeCheck(
  'POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA', 'general-warning-policy-size-exceeds-identity-policy-quota', 'warning',
  ['identity', 'boundary'], 6144, 'managed policy',
  ' Inline policies share 2,048 (user), 5,120 (group) or 10,240 (role) characters per identity.',
);
