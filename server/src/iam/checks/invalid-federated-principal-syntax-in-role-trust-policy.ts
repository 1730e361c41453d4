import type { Report } from '../../language/check';
import { analyzerDocs, iamCheck } from '../define';
import { principalEntries } from '../principal-values';

/** A provider's ARN (SAML or OIDC; its account field is other checks' question, docs write placeholders there) or a built-in identity provider's domain (cognito-identity.amazonaws.com, accounts.google.com...). */
const federated = /^(arn:[a-z-]+:iam::[^:]*:(saml-provider|oidc-provider)\/.+|[a-z0-9-]+(\.[a-z0-9-]+)+(\/\S*)?)$/i;

export const invalidFederatedPrincipalSyntaxInRoleTrustPolicy = iamCheck({
  id: 'INVALID_FEDERATED_PRINCIPAL_SYNTAX_IN_ROLE_TRUST_POLICY',
  severity: 'error',
  title: 'A Federated principal of a role trust policy is neither a provider ARN nor a domain name.',
  docs: analyzerDocs('error-invalid-federated-principal-syntax-in-role-trust-policy'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    if (policy.type.type !== 'trust') return out;
    principalEntries(policy).forEach(({ kind, values }) => {
      if (kind !== 'Federated') return;
      for (const { node, value } of values) {
        // A wildcard is UNSUPPORTED_WILDCARD_IN_PRINCIPAL's question, not a format.
        if (value.includes('*') || federated.test(value)) continue;
        out.push({ range: policy.range(node), message: `"${value}" is not a federated principal: use the ARN of an identity provider (arn:aws:iam::123456789012:saml-provider/name or …:oidc-provider/host) or a domain such as cognito-identity.amazonaws.com.` });
      }
    });
    return out;
  },
});
