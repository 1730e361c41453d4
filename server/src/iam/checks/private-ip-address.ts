import { privateSourceIpCheck } from '../private-ip';

export const privateIpAddress = privateSourceIpCheck(
  'PRIVATE_IP_ADDRESS',
  'error-private-ip-address',
  false,
  false,
  'IpAddress compares aws:SourceIp with private ranges only, so it never matches.',
  (policy, entry) => [{ range: policy.range(entry.value), message: `aws:SourceIp is a public address, never one of these private ranges: ${entry.operator} never matches. For requests through a VPC endpoint, use aws:VpcSourceIp.` }],
);
