import type { Node } from 'jsonc-parser';
import { propertyValue } from '../document/tree';
import type { Statement } from './policy';
import { strings } from './values';

/** An identity provider named in a statement's Principal.Federated. */
export interface FederatedProvider {
  readonly node: Node;
  /** The provider's host and path as condition keys spell it, e.g. token.actions.githubusercontent.com. */
  readonly host: string;
  readonly kind: 'oidc' | 'saml' | 'cognito';
}

/** The federated principals of an Allow statement that lets them assume a role with a web identity or SAML. */
export function federatedProviders(statement: Statement): FederatedProvider[] {
  const out: FederatedProvider[] = [];
  const effect = statement.elements.Effect?.value;
  if (effect?.value !== 'Allow') return out;
  for (const { node, value } of strings(propertyValue(statement.elements.Principal?.value, 'Federated'))) {
    if (/:saml-provider\//.test(value)) out.push({ node, host: 'saml', kind: 'saml' });
    else if (value === 'cognito-identity.amazonaws.com') out.push({ node, host: value, kind: 'cognito' });
    else {
      const oidc = /:oidc-provider\/(.+)$/.exec(value);
      const host = oidc?.[1] ?? (/^[a-z0-9-]+(\.[a-z0-9-]+)+(\/.*)?$/i.test(value) ? value : undefined);
      if (host) out.push({ node, host, kind: 'oidc' });
    }
  }
  return out;
}
