/** The domains service principals live under, in every partition (amazon.com for Alexa's). */
const domain = String.raw`(amazonaws\.com(\.cn)?|amazonaws\.eu|amazon\.com|c2s\.ic\.gov|sc2s\.sgov\.gov|cloud\.adc-e\.uk|csp\.hci\.ic\.gov)`;
const label = '[a-z0-9]([a-z0-9-]*[a-z0-9])?';
const servicePrincipal = new RegExp(`^(${label}\\.)+${domain}$`, 'i');
/** kms:ViaService names the service in a Region: `s3.us-east-1.amazonaws.com`. */
const regionalPrincipal = new RegExp(`^(${label}\\.)+[a-z]{2}(-[a-z]+)+-\\d+\\.${domain}$`, 'i');

/** `service-name.amazonaws.com` (or another partition's domain); `regional` for `service.region.amazonaws.com`. */
export function isServicePrincipal(value: string, regional = false): boolean {
  return (regional ? regionalPrincipal : servicePrincipal).test(value);
}
