import type { RegionCheck } from '../../language/check';
import { dataTypeMismatch } from './data-type-mismatch';
import { emptyArrayAction } from './empty-array-action';
import { emptyArrayCondition } from './empty-array-condition';
import { emptyArrayPrincipal } from './empty-array-principal';
import { emptyArrayResource } from './empty-array-resource';
import { emptyObjectCondition } from './empty-object-condition';
import { emptyObjectPrincipal } from './empty-object-principal';
import { emptySidValue } from './empty-sid-value';
import { invalidAction } from './invalid-action';
import { invalidEffect } from './invalid-effect';
import { invalidPolicyElement } from './invalid-policy-element';
import { invalidServiceInAction } from './invalid-service-in-action';
import { invalidVersion } from './invalid-version';
import { jsonSyntaxError } from './json-syntax-error';
import { missingAction } from './missing-action';
import { missingEffect } from './missing-effect';
import { missingPrincipal } from './missing-principal';
import { missingResource } from './missing-resource';
import { missingStatement } from './missing-statement';
import { missingVersion } from './missing-version';
import { outdatedVersion } from './outdated-version';
import { uniqueSidsRecommended } from './unique-sids-recommended';
import { uniqueSidsRequired } from './unique-sids-required';
import { unsupportedElementCombination } from './unsupported-element-combination';
import { unsupportedPrincipal } from './unsupported-principal';
import { unsupportedSid } from './unsupported-sid';

/**
 * The IAM check table, in the order findings are best read: grammar errors,
 * then errors against the reference data, then semantic warnings and suggestions.
 */
export const iamChecks: readonly RegionCheck[] = [
  // Grammar
  jsonSyntaxError,
  missingVersion,
  invalidVersion,
  outdatedVersion,
  missingStatement,
  invalidPolicyElement,
  dataTypeMismatch,
  missingEffect,
  invalidEffect,
  unsupportedElementCombination,
  missingAction,
  missingResource,
  missingPrincipal,
  unsupportedPrincipal,
  uniqueSidsRequired,
  uniqueSidsRecommended,
  unsupportedSid,
  // Reference data
  invalidServiceInAction,
  invalidAction,
  // Suggestions
  emptyArrayAction,
  emptyArrayResource,
  emptyArrayPrincipal,
  emptyObjectPrincipal,
  emptyObjectCondition,
  emptyArrayCondition,
  emptySidValue,
];
