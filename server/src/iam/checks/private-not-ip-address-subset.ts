import { valueText } from '../conditions';
import { privateSourceIpCheck } from '../private-ip';

export const privateNotIpAddressSubset = privateSourceIpCheck(
  'PRIVATE_NOT_IP_ADDRESS_SUBSET',
  'suggestion-private-not-ip-address-subset',
  true,
  true,
  'NotIpAddress lists private ranges for aws:SourceIp beside public ones; the private ones exclude nothing.',
  (policy, entry, values) => values.map((value) => ({ range: policy.range(value), message: `"${valueText(value) ?? ''}" is private and aws:SourceIp never is: excluding it has no effect. For requests through a VPC endpoint, use aws:VpcSourceIp with ${entry.operator}.` })),
);
