import type { RegionCheck } from '../../language/check';
import { allowNotActionWithUnsupportedTagConditionKeyForService } from './allow-notaction-with-unsupported-tag-condition-key-for-service';
import { allowWithNotAction } from './allow-with-not-action';
import { allowWithNotPrincipal } from './allow-with-not-principal';
import { allowWithNotResource } from './allow-with-not-resource';
import { allowWithUnsupportedTagConditionKeyForService } from './allow-with-unsupported-tag-condition-key-for-service';
import { arnAccountNotAllowed } from './arn-account-not-allowed';
import { arnRegionNotAllowed } from './arn-region-not-allowed';
import { badPatternForMfa } from './bad-pattern-for-mfa';
import { conditionKeyNotApplicable } from './condition-key-not-applicable';
import { createSlrWithNotActionAndNotResource } from './create-slr-with-not-action-and-not-resource';
import { createSlrWithNotResource } from './create-slr-with-not-resource';
import { createSlrWithStarInActionAndNotResource } from './create-slr-with-star-in-action-and-not-resource';
import { createSlrWithStarInActionAndResource } from './create-slr-with-star-in-action-and-resource';
import { createSlrWithStarInResource } from './create-slr-with-star-in-resource';
import { createSlrWithStarInResourceAndNotAction } from './create-slr-with-star-in-resource-and-not-action';
import { dataTypeMismatch } from './data-type-mismatch';
import { denyNotActionWithUnsupportedTagConditionKeyForService } from './deny-notaction-with-unsupported-tag-condition-key-for-service';
import { denyWithUnsupportedTagConditionKeyForService } from './deny-with-unsupported-tag-condition-key-for-service';
import { duplicateKeysWithDifferentCase } from './duplicate-keys-with-different-case';
import { emptyArrayAction } from './empty-array-action';
import { emptyArrayCondition } from './empty-array-condition';
import { emptyArrayConditionForAllValues } from './empty-array-condition-forallvalues';
import { emptyArrayConditionForAnyValue } from './empty-array-condition-foranyvalue';
import { emptyArrayConditionIfExists } from './empty-array-condition-ifexists';
import { emptyArrayPrincipal } from './empty-array-principal';
import { emptyArrayResource } from './empty-array-resource';
import { emptyObjectCondition } from './empty-object-condition';
import { emptyObjectPrincipal } from './empty-object-principal';
import { emptySidValue } from './empty-sid-value';
import { emptyVariable } from './empty-variable';
import { equivalentToNullFalse } from './equivalent-to-null-false';
import { equivalentToNullTrue } from './equivalent-to-null-true';
import { federatedPrincipalNotSupported } from './federated-principal-not-supported';
import { forAllValuesWithSingleValuedKey } from './forallvalues-with-single-valued-key';
import { improveIpRange } from './improve-ip-range';
import { invalidAction } from './invalid-action';
import { invalidArnAccount } from './invalid-arn-account';
import { invalidArnPrefix } from './invalid-arn-prefix';
import { invalidArnServiceCase } from './invalid-arn-service-case';
import { invalidConditionKeyFormat } from './invalid-condition-key-format';
import { invalidConditionMultipleBoolean } from './invalid-condition-multiple-boolean';
import { invalidConditionOperator } from './invalid-condition-operator';
import { invalidEffect } from './invalid-effect';
import { invalidFederatedPrincipalSyntaxInRoleTrustPolicy } from './invalid-federated-principal-syntax-in-role-trust-policy';
import { invalidGlobalConditionKey } from './invalid-global-condition-key';
import { invalidPartition } from './invalid-partition';
import { invalidPolicyElement } from './invalid-policy-element';
import { invalidPrincipalFormat } from './invalid-principal-format';
import { invalidPrincipalKey } from './invalid-principal-key';
import { invalidRegion } from './invalid-region';
import { invalidService } from './invalid-service';
import { invalidServiceConditionKey } from './invalid-service-condition-key';
import { invalidServiceInAction } from './invalid-service-in-action';
import { invalidServicePrincipalFormat } from './invalid-service-principal-format';
import { invalidVariableForOperator } from './invalid-variable-for-operator';
import { invalidVersion } from './invalid-version';
import { invalidVpcFormat } from './invalid-vpc-format';
import { invalidVpceFormat } from './invalid-vpce-format';
import { jsonSyntaxError } from './json-syntax-error';
import { lambdaPermissionPrincipal } from './lambda-permission-principal';
import { mismatchedActionForPrincipal } from './mismatched-action-for-principal';
import { missingAction } from './missing-action';
import { missingActionForRolesAnywhereTrustPolicy } from './missing-action-for-roles-anywhere-trust-policy';
import { missingArnField } from './missing-arn-field';
import { missingArnRegion } from './missing-arn-region';
import { missingBraceInVariable } from './missing-brace-in-variable';
import { missingConditionKeyForOidcPrincipal } from './missing-condition-key-for-oidc-principal';
import { missingEffect } from './missing-effect';
import { missingGithubRepoConditionKey } from './missing-github-repo-condition-key';
import { missingPairedConditionKeys } from './missing-paired-condition-keys';
import { missingPrincipal } from './missing-principal';
import { missingQualifier } from './missing-qualifier';
import { missingQuoteInVariable } from './missing-quote-in-variable';
import { missingResource } from './missing-resource';
import { missingStatement } from './missing-statement';
import { missingTagKeyInCondition } from './missing-tag-key-in-condition';
import { missingVersion } from './missing-version';
import { nullWithIfExists } from './null-with-if-exists';
import { nullWithQualifier } from './null-with-qualifier';
import { outdatedVersion } from './outdated-version';
import { passRoleWithNotActionAndNotResource } from './pass-role-with-not-action-and-not-resource';
import { passRoleWithNotResource } from './pass-role-with-not-resource';
import { passRoleWithStarInActionAndNotResource } from './pass-role-with-star-in-action-and-not-resource';
import { passRoleWithStarInActionAndResource } from './pass-role-with-star-in-action-and-resource';
import { passRoleWithStarInResource } from './pass-role-with-star-in-resource';
import { passRoleWithStarInResourceAndNotAction } from './pass-role-with-star-in-resource-and-not-action';
import { policySizeExceedsIdentityPolicyQuota } from './policy-size-exceeds-identity-policy-quota';
import { policySizeExceedsRcpQuota } from './policy-size-exceeds-rcp-quota';
import { policySizeExceedsRoleTrustPolicyQuota } from './policy-size-exceeds-role-trust-policy-quota';
import { policySizeExceedsScpQuota } from './policy-size-exceeds-scp-quota';
import { privateIpAddress } from './private-ip-address';
import { privateIpAddressSubset } from './private-ip-address-subset';
import { privateNotIpAddress } from './private-not-ip-address';
import { privateNotIpAddressSubset } from './private-not-ip-address-subset';
import { rcpSyntaxErrorAction } from './rcp-syntax-error-action';
import { rcpSyntaxErrorAllow } from './rcp-syntax-error-allow';
import { rcpSyntaxErrorNotAction } from './rcp-syntax-error-notaction';
import { rcpSyntaxErrorPrincipal } from './rcp-syntax-error-principal';
import { rcpUnsupportedService } from './rcp-unsupported-service';
import { redundantAction } from './redundant-action';
import { redundantKeyDueToWildcardInCondition } from './redundant-key-due-to-wildcard-in-condition';
import { redundantNullFalse } from './redundant-null-false';
import { redundantResource } from './redundant-resource';
import { redundantStatementDueToWildcardInCondition } from './redundant-statement-due-to-wildcard-in-condition';
import { resourceMismatch } from './resource-mismatch';
import { roleTrustPolicySyntaxErrorNotPrincipal } from './role-trust-policy-syntax-error-notprincipal';
import { roleTrustPolicySyntaxErrorResource } from './role-trust-policy-syntax-error-resource';
import { roleTrustPolicyUnsupportedWildcardInPrincipal } from './role-trust-policy-unsupported-wildcard-in-principal';
import { scpSyntaxErrorPrincipal } from './scp-syntax-error-principal';
import { starActionOnStarResource } from './star-action-on-star-resource';
import { stringLikeOperatorWithArnConditionKeys } from './string-like-operator-with-arn-condition-keys';
import { typeMismatch } from './type-mismatch';
import { typeMismatchBoolean } from './type-mismatch-boolean';
import { typeMismatchDate } from './type-mismatch-date';
import { typeMismatchIpRange } from './type-mismatch-ip-range';
import { typeMismatchNumber } from './type-mismatch-number';
import { uniqueSidsRecommended } from './unique-sids-recommended';
import { uniqueSidsRequired } from './unique-sids-required';
import { unknownPolicyVariable } from './unknown-policy-variable';
import { unsupportedElementCombination } from './unsupported-element-combination';
import { unsupportedGlobalConditionKey } from './unsupported-global-condition-key';
import { unsupportedPrincipal } from './unsupported-principal';
import { unsupportedSid } from './unsupported-sid';
import { unsupportedSpaceInVariable } from './unsupported-space-in-variable';
import { unsupportedWildcardInPrincipal } from './unsupported-wildcard-in-principal';
import { variableUnsupportedInElement } from './variable-unsupported-in-element';
import { variableUnsupportedInVersion } from './variable-unsupported-in-version';
import { wildcardWithoutLikeOperator } from './wildcard-without-like-operator';

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
  scpSyntaxErrorPrincipal,
  roleTrustPolicySyntaxErrorNotPrincipal,
  roleTrustPolicySyntaxErrorResource,
  roleTrustPolicyUnsupportedWildcardInPrincipal,
  federatedPrincipalNotSupported,
  invalidFederatedPrincipalSyntaxInRoleTrustPolicy,
  mismatchedActionForPrincipal,
  missingActionForRolesAnywhereTrustPolicy,
  rcpSyntaxErrorPrincipal,
  rcpSyntaxErrorAllow,
  rcpSyntaxErrorNotAction,
  rcpSyntaxErrorAction,
  invalidPrincipalKey,
  invalidPrincipalFormat,
  invalidServicePrincipalFormat,
  unsupportedWildcardInPrincipal,
  uniqueSidsRequired,
  uniqueSidsRecommended,
  unsupportedSid,
  nullWithIfExists,
  invalidConditionMultipleBoolean,
  duplicateKeysWithDifferentCase,
  invalidConditionKeyFormat,
  missingBraceInVariable,
  missingQuoteInVariable,
  unsupportedSpaceInVariable,
  emptyVariable,
  variableUnsupportedInVersion,
  variableUnsupportedInElement,
  // Reference data
  invalidServiceInAction,
  invalidAction,
  invalidArnPrefix,
  missingArnField,
  invalidPartition,
  invalidArnServiceCase,
  invalidRegion,
  invalidArnAccount,
  arnRegionNotAllowed,
  missingArnRegion,
  arnAccountNotAllowed,
  invalidConditionOperator,
  invalidGlobalConditionKey,
  unsupportedGlobalConditionKey,
  invalidServiceConditionKey,
  missingTagKeyInCondition,
  missingQualifier,
  invalidService,
  unknownPolicyVariable,
  invalidVariableForOperator,
  typeMismatchIpRange,
  policySizeExceedsScpQuota,
  policySizeExceedsRcpQuota,
  privateIpAddress,
  privateNotIpAddress,
  invalidVpcFormat,
  invalidVpceFormat,
  // Semantic warnings
  rcpUnsupportedService,
  resourceMismatch,
  conditionKeyNotApplicable,
  typeMismatch,
  typeMismatchBoolean,
  typeMismatchNumber,
  typeMismatchDate,
  forAllValuesWithSingleValuedKey,
  wildcardWithoutLikeOperator,
  stringLikeOperatorWithArnConditionKeys,
  badPatternForMfa,
  missingConditionKeyForOidcPrincipal,
  missingGithubRepoConditionKey,
  passRoleWithStarInResource,
  passRoleWithStarInActionAndResource,
  passRoleWithStarInResourceAndNotAction,
  passRoleWithNotResource,
  passRoleWithStarInActionAndNotResource,
  passRoleWithNotActionAndNotResource,
  createSlrWithStarInResource,
  createSlrWithStarInActionAndResource,
  createSlrWithStarInResourceAndNotAction,
  createSlrWithNotResource,
  createSlrWithStarInActionAndNotResource,
  createSlrWithNotActionAndNotResource,
  missingPairedConditionKeys,
  denyWithUnsupportedTagConditionKeyForService,
  denyNotActionWithUnsupportedTagConditionKeyForService,
  allowWithNotPrincipal,
  allowWithNotAction,
  allowWithNotResource,
  starActionOnStarResource,
  policySizeExceedsIdentityPolicyQuota,
  policySizeExceedsRoleTrustPolicyQuota,
  // Suggestions
  allowWithUnsupportedTagConditionKeyForService,
  allowNotActionWithUnsupportedTagConditionKeyForService,
  nullWithQualifier,
  equivalentToNullFalse,
  equivalentToNullTrue,
  redundantKeyDueToWildcardInCondition,
  redundantStatementDueToWildcardInCondition,
  redundantNullFalse,
  privateIpAddressSubset,
  privateNotIpAddressSubset,
  improveIpRange,
  redundantAction,
  redundantResource,
  emptyArrayAction,
  emptyArrayResource,
  emptyArrayPrincipal,
  emptyObjectPrincipal,
  emptyObjectCondition,
  emptyArrayCondition,
  emptyArrayConditionForAllValues,
  emptyArrayConditionForAnyValue,
  emptyArrayConditionIfExists,
  emptySidValue,
  // Across a template's resources.
  lambdaPermissionPrincipal,
];
