import { albDomain } from '../alb/domain';
import type { Check } from './check';
import { jsonDuplicateKey } from './checks/json-duplicate-key';
import { jsonSyntax } from './checks/json-syntax';
import { yamlSyntax } from './checks/yaml-syntax';
import type { LanguageDomain } from './domain';
import { edgeDomain } from '../edge/domain';
import { iamDomain } from '../iam/domain';

/** Checks that apply to every document, before any domain's. */
export const documentChecks = [jsonSyntax, yamlSyntax, jsonDuplicateKey] as const;

/** Every domain the language service knows; a domain joins by adding its row here. */
export const domains: readonly LanguageDomain[] = [iamDomain, edgeDomain, albDomain];

/** Every check of every domain, in table order: the CLI's SARIF rules and the docs list them all. */
export function allChecks(domainList: readonly LanguageDomain[] = domains): readonly Check[] {
  return [...documentChecks, ...domainList.flatMap((d) => d.checks)];
}
