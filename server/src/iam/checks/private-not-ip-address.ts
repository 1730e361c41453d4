import { privateSourceIpCheck } from '../private-ip';

export const privateNotIpAddress = privateSourceIpCheck(
  'PRIVATE_NOT_IP_ADDRESS',
  'error-private-not-ip-address',
  true,
  false,
  'NotIpAddress compares aws:SourceIp with private ranges only, so it always matches.',
  (policy, entry) => [{ range: policy.range(entry.value), message: `aws:SourceIp is a public address, never one of these private ranges: ${entry.operator} always matches and excludes nothing. For requests through a VPC endpoint, use aws:VpcSourceIp.` }],
);
