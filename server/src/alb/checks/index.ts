import type { RegionCheck } from '../../language/check';
import { actionOrder } from './action-order';
import { actionType } from './action-type';
import { authenticateHttps } from './authenticate-https';
import { conditionField } from './condition-field';
import { conditionLimits } from './condition-limits';
import { conditionValues } from './condition-values';
import { duplicateCondition } from './duplicate-condition';
import { duplicatePriority } from './duplicate-priority';
import { fixedResponseConfig } from './fixed-response-config';
import { forwardConfig } from './forward-config';
import { hostHeaderValue } from './host-header-value';
import { httpHeaderValue } from './http-header-value';
import { httpListenerForwards } from './http-listener-forwards';
import { httpRequestMethodValue } from './http-request-method-value';
import { pathPatternValue } from './path-pattern-value';
import { priorityRange } from './priority-range';
import { queryStringValue } from './query-string-value';
import { redirectConfig } from './redirect-config';
import { redirectKeepsPort } from './redirect-keeps-port';
import { redirectLoop } from './redirect-loop';
import { regexValues } from './regex-values';
import { overlappingRules } from './overlapping-rules';
import { ruleShape } from './rule-shape';
import { shadowedRule } from './shadowed-rule';
import { sourceIpValue } from './source-ip-value';
import { targetGroupConfig } from './target-group-config';
import { transforms } from './transforms';
import { valuesPerCondition } from './values-per-condition';
import { forwardTargetProtocol } from './forward-target-protocol';

/** Every ALB check: what AWS would refuse, then what it would accept but you would not want. */
export const albChecks: readonly RegionCheck[] = [
  ruleShape,
  priorityRange,
  duplicatePriority,
  conditionField,
  conditionValues,
  duplicateCondition,
  conditionLimits,
  valuesPerCondition,
  regexValues,
  hostHeaderValue,
  pathPatternValue,
  httpHeaderValue,
  httpRequestMethodValue,
  queryStringValue,
  sourceIpValue,
  actionType,
  actionOrder,
  authenticateHttps,
  forwardConfig,
  redirectConfig,
  redirectLoop,
  redirectKeepsPort,
  fixedResponseConfig,
  transforms,
  targetGroupConfig,
  forwardTargetProtocol,
  httpListenerForwards,
  shadowedRule,
  overlappingRules,
];
