import { isIpRange, valueTypeCheck } from '../value-types';

export const typeMismatchIpRange = valueTypeCheck('TYPE_MISMATCH_IP_RANGE', 'general-warning-type-mismatch-ip-range', ['IpAddress'], 'an IP address or CIDR range', isIpRange);
