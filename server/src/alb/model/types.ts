import type { TextRange } from '../../language/finding';

/**
 * A value read from the document with the range of its JSON node.
 * `value` is undefined when the node holds no literal of the expected type
 * (a CloudFormation expression such as `{"Ref": "Domain"}`, or a wrong type):
 * checks skip what they cannot read and the router reports it as unknown.
 */
export interface Located<T> {
  readonly value: T | undefined;
  readonly range: TextRange;
}

/** A property as written: where its key is and where its value is. */
export interface Written {
  readonly key: TextRange;
  readonly range: TextRange;
}

/** The condition fields an Application Load Balancer routes on. */
export const conditionFields = ['host-header', 'path-pattern', 'http-header', 'http-request-method', 'query-string', 'source-ip'] as const;
export type ConditionField = (typeof conditionFields)[number];

/** The `*Config` key that belongs to each condition field. */
export const conditionConfigKeys: Readonly<Record<ConditionField, string>> = {
  'host-header': 'HostHeaderConfig',
  'path-pattern': 'PathPatternConfig',
  'http-header': 'HttpHeaderConfig',
  'http-request-method': 'HttpRequestMethodConfig',
  'query-string': 'QueryStringConfig',
  'source-ip': 'SourceIpConfig',
};

/** A list of strings as written (`Values`, `RegexValues`), with where the list itself is. */
export interface ValueList extends Written {
  readonly items: readonly Located<string>[];
}

/** One `{"Key": ..., "Value": ...}` of a query-string condition; a missing Key matches any key. */
export interface QueryPair {
  readonly range: TextRange;
  readonly key: Located<string> | undefined;
  readonly value: Located<string> | undefined;
}

/**
 * One rule condition, normalised: `values` are what is matched whether they
 * were written in `Values` or in the field's `*Config` (describe-rules output
 * carries both), and `forms` keeps where each form was written.
 */
export interface ConditionModel {
  readonly range: TextRange;
  readonly field: Located<string> | undefined;
  /** The field when it is one ALB knows. */
  readonly kind: ConditionField | undefined;
  readonly values: readonly Located<string>[];
  readonly regexValues: readonly Located<string>[];
  /** `HttpHeaderConfig.HttpHeaderName`. */
  readonly headerName: Located<string> | undefined;
  /** `QueryStringConfig.Values`. */
  readonly queryPairs: readonly QueryPair[];
  readonly forms: ConditionForms;
}

/** Where a condition's values were written, for the checks about the shapes themselves. */
export interface ConditionForms {
  /** The top-level `Values`. */
  readonly values: ValueList | undefined;
  /** The top-level `RegexValues`. */
  readonly regexValues: ValueList | undefined;
  /** Every `*Config` key present, whichever field it belongs to. */
  readonly configs: ReadonlyArray<Written & { readonly name: string }>;
  /** `Values` and `RegexValues` inside the field's own `*Config`. */
  readonly configValues: ValueList | undefined;
  readonly configRegexValues: ValueList | undefined;
}

export const actionTypes = ['forward', 'redirect', 'fixed-response', 'authenticate-oidc', 'authenticate-cognito', 'jwt-validation'] as const;
export type ActionType = (typeof actionTypes)[number];
/** The actions that end a rule: exactly one, performed last. */
export const finalActionTypes: ReadonlySet<ActionType> = new Set(['forward', 'redirect', 'fixed-response']);

export interface TargetGroupModel {
  readonly range: TextRange;
  readonly arn: Located<string> | undefined;
  /** The logical id of a CloudFormation `{"Ref": ...}` written in place of the ARN. */
  readonly ref: string | undefined;
  readonly weight: Located<number> | undefined;
}

/** A target group resource of a CloudFormation template, as much as a forward to it needs. */
export interface TemplateTargetGroup {
  readonly logicalId: string;
  /** `Name`, when it is a literal. */
  readonly name: string | undefined;
  /** The attribute `lambda.multi_value_headers.enabled` in `TargetGroupAttributes`, when the template sets it. */
  readonly multiValueHeaders: boolean | undefined;
  /** For a `lambda` target group: the function of the same template it sends to, when its code is on disk. */
  readonly lambdaFunction?: TemplateFunction;
}

/** A Lambda function defined in the template, with what it takes to run it locally. */
export interface TemplateFunction {
  readonly logicalId: string;
  /** Lambda's handler string, its `Handler`. */
  readonly handler: string;
  /**
   * The code's folder, relative to the template's: SAM's `CodeUri`, `Code` as
   * a local path (before `aws cloudformation package`), or a CDK asset
   * (`aws:asset:path` in cdk.out).
   */
  readonly codePath: string;
}

export interface ForwardConfigModel extends Written {
  readonly targetGroups: readonly TargetGroupModel[];
  readonly targetGroupsList: Written | undefined;
  readonly stickiness:
    | (Written & { readonly enabled: Located<boolean> | undefined; readonly duration: Located<number> | undefined })
    | undefined;
}

export interface RedirectConfigModel extends Written {
  readonly protocol: Located<string> | undefined;
  readonly port: Located<string> | undefined;
  readonly host: Located<string> | undefined;
  readonly path: Located<string> | undefined;
  readonly query: Located<string> | undefined;
  readonly statusCode: Located<string> | undefined;
}

export interface FixedResponseConfigModel extends Written {
  readonly statusCode: Located<string> | undefined;
  readonly contentType: Located<string> | undefined;
  readonly messageBody: Located<string> | undefined;
}

export interface ActionModel {
  readonly range: TextRange;
  readonly type: Located<string> | undefined;
  readonly kind: ActionType | undefined;
  readonly order: Located<number> | undefined;
  readonly targetGroupArn: Located<string> | undefined;
  /** The logical id when `TargetGroupArn` is a CloudFormation `{"Ref": ...}`. */
  readonly targetGroupRef: string | undefined;
  readonly forward: ForwardConfigModel | undefined;
  readonly redirect: RedirectConfigModel | undefined;
  readonly fixedResponse: FixedResponseConfigModel | undefined;
  /** Every `*Config` key present on the action. */
  readonly configs: ReadonlyArray<Written & { readonly name: string }>;
}

export const transformTypes = ['host-header-rewrite', 'url-rewrite'] as const;
export type TransformType = (typeof transformTypes)[number];

export interface RewriteModel {
  readonly range: TextRange;
  readonly regex: Located<string> | undefined;
  readonly replace: Located<string> | undefined;
}

export interface TransformModel {
  readonly range: TextRange;
  readonly type: Located<string> | undefined;
  readonly kind: TransformType | undefined;
  readonly rewrites: readonly RewriteModel[];
  readonly configs: ReadonlyArray<Written & { readonly name: string }>;
}

/** A list property as written (`Conditions`, `Actions`, `Transforms`), with its items. */
export interface ListOf<T> extends Written {
  readonly items: readonly T[];
}

/** One listener rule, or a listener's default rule. */
export interface RuleModel {
  readonly range: TextRange;
  /** How people name the rule: "priority 10", "the default rule", a CloudFormation logical id. */
  readonly label: string;
  /** As written: a number (create-rule, CloudFormation) or a string (describe-rules, "default"). */
  readonly priority: (Located<number | string> & { readonly key: TextRange }) | undefined;
  readonly isDefault: boolean;
  /** Undefined when the document does not hold them (an `--actions` file). */
  readonly conditions: ListOf<ConditionModel> | undefined;
  /** Undefined when the document does not hold them (a `--conditions` file). */
  readonly actions: ListOf<ActionModel> | undefined;
  readonly transforms: ListOf<TransformModel> | undefined;
  readonly logicalId?: string;
}

/** What the document says about the listener the rules belong to, when it says it. */
export interface ListenerModel {
  readonly range: TextRange;
  readonly label: string;
  readonly protocol: Located<string> | undefined;
  readonly port: Located<number> | undefined;
  readonly defaultRule: RuleModel | undefined;
  /** The non-default rules, in document order. */
  readonly rules: readonly RuleModel[];
  /** The target groups of the CloudFormation template the listener is in, by logical id. */
  readonly targetGroupResources?: ReadonlyMap<string, TemplateTargetGroup>;
}

/** Every listener an ALB document describes, however it is shaped. */
export interface AlbDocument {
  readonly listeners: readonly ListenerModel[];
}

/** The numeric priority of a rule, or undefined when it has none that AWS would accept as a number. */
export function priorityOf(rule: RuleModel): number | undefined {
  const value = rule.priority?.value;
  if (typeof value === 'number') return Number.isInteger(value) ? value : undefined;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return undefined;
}

const orders = new WeakMap<ListenerModel, readonly RuleModel[]>();

/** A listener's rules in the order ALB evaluates them: by priority, then as written; the default rule last. */
export function evaluationOrder(listener: ListenerModel): readonly RuleModel[] {
  const known = orders.get(listener);
  if (known) return known;
  const ordered = listener.rules
    .map((rule, index) => ({ rule, index, priority: priorityOf(rule) ?? Number.POSITIVE_INFINITY }))
    .sort((a, b) => a.priority - b.priority || a.index - b.index)
    .map((entry) => entry.rule);
  const order = listener.defaultRule ? [...ordered, listener.defaultRule] : ordered;
  orders.set(listener, order);
  return order;
}
