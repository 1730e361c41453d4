import type { Trigger } from '../model/triggers';

/** Values from the CloudFront docs' own examples: obviously placeholders, and valid. */
export const placeholders = {
  distributionDomainName: 'd111111abcdef8.cloudfront.net',
  distributionId: 'EDFDVBD6EXAMPLE',
  requestId: 'mUbV4qV9sKgDkxRW1d6Gq9bR0zJZ0pWb3dTf5yK7hC8nLpQe2sXaOg==',
  /** Documentation ranges (RFC 5737), never a real viewer. */
  clientIp: '203.0.113.178',
} as const;

/** The `config` CloudFront sends with an event of this trigger. */
export function configFor(trigger: Trigger): Record<string, string> {
  return {
    distributionDomainName: placeholders.distributionDomainName,
    distributionId: placeholders.distributionId,
    eventType: trigger,
    requestId: placeholders.requestId,
  };
}
