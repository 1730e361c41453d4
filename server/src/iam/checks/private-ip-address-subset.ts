import { valueText } from '../conditions';
import { privateSourceIpCheck } from '../private-ip';

export const privateIpAddressSubset = privateSourceIpCheck(
  'PRIVATE_IP_ADDRESS_SUBSET',
  'suggestion-private-ip-address-subset',
  false,
  true,
  'IpAddress lists private ranges for aws:SourceIp beside public ones; the private ones never match.',
  function* (policy, _entry, values) {
    for (const value of values) {
      yield { range: policy.range(value), message: `"${valueText(value) ?? ''}" is private and aws:SourceIp never is: this range never matches. For requests through a VPC endpoint, use aws:VpcSourceIp.` };
    }
  },
);
