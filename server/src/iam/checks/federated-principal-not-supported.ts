import type { Report } from '../../language/check';
import { propertyNode } from '../../document/tree';
import { analyzerDocs, iamCheck } from '../define';
import type { Statement } from '../policy';
import { strings } from '../values';

/** Identity providers federate into roles: only a role trust policy takes a Federated principal, never a bucket, key or queue policy. */
export const federatedPrincipalNotSupported = iamCheck({
  id: 'FEDERATED_PRINCIPAL_NOT_SUPPORTED',
  severity: 'error',
  title: 'A resource-based policy other than a role trust policy names a Federated principal.',
  docs: analyzerDocs('error-federated-principal-not-supported'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    if (policy.type.type !== 'resource') return out;
    policy.statements.forEach((statement) => {
      // Only STS actions ("sts:*" included): a trust policy the content did not tell apart, not a resource's policy.
      if (mayBeTrust(statement)) return;
      for (const element of [statement.elements.Principal, statement.elements.NotPrincipal]) {
        const federated = propertyNode(element?.value, 'Federated')?.children?.[0];
        if (federated) out.push({ range: policy.range(federated), message: 'Only a role trust policy takes a "Federated" principal: name AWS accounts, roles or services here, or federate into a role that has this access.' });
      }
    });
    return out;
  },
});

function mayBeTrust(statement: Statement): boolean {
  const actions = strings(statement.elements.Action?.value);
  return actions.length > 0 && actions.every((a) => a.value === '*' || a.value.toLowerCase().startsWith('sts:'));
}
