import { jsonDuplicateKey } from './json-duplicate-key';
import { jsonSyntax } from './json-syntax';
import { yamlSyntax } from './yaml-syntax';

/** The core's own checks: they apply to every document, before any domain's. */
export const documentChecks = [jsonSyntax, yamlSyntax, jsonDuplicateKey] as const;
