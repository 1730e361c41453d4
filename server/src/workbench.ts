import { albDomain } from './alb/domain';
import { edgeDomain } from './edge/domain';
import { iamDomain } from './iam/domain';
import type { Check } from './language/check';
import { documentChecks } from './language/checks';
import { classify, type Classification } from './language/classify';
import type { LanguageDomain } from './language/domain';
import { createLanguageService, type LanguageService, type LanguageServiceOptions } from './language/service';
import type { Node } from 'jsonc-parser';

/**
 * The composition root: the domains Lambda Workbench plugs into the language
 * core, which knows none of them. A domain joins by adding its row here.
 */
export const domains: readonly LanguageDomain[] = [iamDomain, edgeDomain, albDomain];

/** Every check, the core's and every domain's, in table order: the CLI's SARIF rules and the docs list them all. */
export function allChecks(): readonly Check[] {
  return [...documentChecks, ...domains.flatMap((d) => d.checks)];
}

/** The language service with every domain: what the language server and the CLI use. */
export function createWorkbenchService(options: Omit<LanguageServiceOptions, 'domains'> = {}): LanguageService {
  return createLanguageService({ ...options, domains });
}

/** What the domains recognise in a tree (for callers that parsed it themselves). */
export function classifyTree(root: Node | undefined): Classification {
  return classify(root, domains.map((d) => d.detect));
}
