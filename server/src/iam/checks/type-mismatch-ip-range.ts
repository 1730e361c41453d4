import { isIpRange, valueTypeCheck } from '../value-types';

/** An error in Access Analyzer's reference: IAM cannot compare a value that is not an address. */
export const typeMismatchIpRange = valueTypeCheck('TYPE_MISMATCH_IP_RANGE', 'error-type-mismatch-ip-range', ['IpAddress'], 'an IP address or CIDR range', isIpRange, 'error');
