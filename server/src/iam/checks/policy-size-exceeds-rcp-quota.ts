import { policySizeCheck } from '../policy-size';

/** AWS Organizations rejects RCPs over 5,120 characters. */
export const policySizeExceedsRcpQuota = policySizeCheck(
  'POLICY_SIZE_EXCEEDS_RCP_QUOTA', 'error-policy-size-exceeds-rcp-quota', 'error',
  ['rcp'], 5120, 'resource control policy',
);
