import type { Report } from '../../language/check';
import { conditionsOf } from '../conditions';
import { federatedProviders } from '../principals';
import { analyzerDocs, iamCheck } from '../define';

/** Claims that tie a token to an application or user (Login with Amazon and Facebook call the audience app_id). */
const audienceClaims = ['aud', 'sub', 'amr', 'oaud', 'azp', 'app_id', 'user_id', 'id'];

/** Without an audience or subject condition, any token the provider issues (to anyone's app) can assume the role. */
export const missingConditionKeyForOidcPrincipal = iamCheck({
  id: 'MISSING_CONDITION_KEY_FOR_OIDC_PRINCIPAL',
  severity: 'warning',
  title: 'A role trust policy for an OIDC provider has no aud, sub or amr condition.',
  docs: analyzerDocs('security-warning-missing-condition-key-for-oidc-principal'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    const conditions = conditionsOf(policy);
    policy.statements.forEach((statement) => {
      if (!statement.elements.Principal) return;
      for (const provider of federatedProviders(statement)) {
        if (provider.kind !== 'oidc') continue;
        const keys = conditions.filter((c) => c.statement === statement).map((c) => c.name.toLowerCase());
        const prefix = provider.host.toLowerCase();
        if (audienceClaims.some((claim) => keys.includes(`${prefix}:${claim}`))) continue;
        out.push({ range: policy.range(provider.node), message: `Any identity ${provider.host} issues tokens to can assume this role: add a condition on ${provider.host}:aud (and :sub).` });
      }
    });
    return out;
  },
});
