/** The AWS pages that say how listener rules work; checks and hovers link to them. */
const guide = 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application';
const api = 'https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference';

export const albDocs = {
  listenerRules: `${guide}/listener-rules.html`,
  conditionTypes: `${guide}/rule-condition-types.html`,
  hostConditions: `${guide}/rule-condition-types.html#host-conditions`,
  pathConditions: `${guide}/rule-condition-types.html#path-conditions`,
  headerConditions: `${guide}/rule-condition-types.html#http-header-conditions`,
  methodConditions: `${guide}/rule-condition-types.html#http-request-method-conditions`,
  queryConditions: `${guide}/rule-condition-types.html#query-string-conditions`,
  sourceIpConditions: `${guide}/rule-condition-types.html#source-ip-conditions`,
  actionTypes: `${guide}/rule-action-types.html`,
  transforms: `${guide}/rule-transforms.html`,
  quotas: `${guide}/load-balancer-limits.html`,
  authenticate: `${guide}/listener-authenticate-users.html`,
  ruleCondition: `${api}/API_RuleCondition.html`,
  action: `${api}/API_Action.html`,
  createRule: `${api}/API_CreateRule.html`,
  forwardConfig: `${api}/API_ForwardActionConfig.html`,
  redirectConfig: `${api}/API_RedirectActionConfig.html`,
  fixedResponseConfig: `${api}/API_FixedResponseActionConfig.html`,
  ruleTransform: `${api}/API_RuleTransform.html`,
  targetGroup: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-elasticloadbalancingv2-targetgroup.html',
  geneveTargetGroups: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/gateway/target-groups.html',
  httpToHttps: 'https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-1',
} as const;
