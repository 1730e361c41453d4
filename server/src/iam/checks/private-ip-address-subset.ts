import { valueText } from '../conditions';
import { privateSourceIpCheck } from '../private-ip';

export const privateIpAddressSubset = privateSourceIpCheck(
  'PRIVATE_IP_ADDRESS_SUBSET',
  'suggestion-private-ip-address-subset',
  false,
  true,
  'IpAddress lists private ranges for aws:SourceIp beside public ones; the private ones never match.',
  (policy, _entry, values) => values.map((value) => ({ range: policy.range(value), message: `"${valueText(value) ?? ''}" is private and aws:SourceIp never is: this range never matches. For requests through a VPC endpoint, use aws:VpcSourceIp.` })),
);
