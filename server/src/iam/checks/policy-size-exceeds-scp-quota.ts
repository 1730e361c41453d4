import { policySizeCheck } from '../policy-size';

/** AWS Organizations rejects SCPs over 5,120 characters. */
export const policySizeExceedsScpQuota = policySizeCheck(
  'POLICY_SIZE_EXCEEDS_SCP_QUOTA', 'error-policy-size-exceeds-scp-quota', 'error',
  ['scp'], 5120, 'service control policy',
);
