import { albDocs } from './docs';

/** What a hover says about one thing: a sentence or two, and the AWS page. */
export interface HoverEntry {
  readonly title: string;
  readonly text: string;
  readonly docs: string;
}

const entry = (title: string, text: string, docs: string): HoverEntry => ({ title, text, docs });

/** Condition fields (the values of `Field`). */
export const fieldHovers: Readonly<Record<string, HoverEntry>> = {
  'host-header': entry('host-header condition', 'Routes on the Host header. Not case-sensitive; `*` matches zero or more characters, `?` exactly one. A value needs a "." and no port (use RegexValues to match one). At most one per rule.', albDocs.hostConditions),
  'path-pattern': entry('path-pattern condition', 'Routes on the URL path, without the query string. Case-sensitive; `*` matches zero or more characters (also "/"), `?` exactly one. Up to 128 characters. At most one per rule.', albDocs.pathConditions),
  'http-header': entry('http-header condition', 'Routes on one request header, named in HttpHeaderName. Name and values are not case-sensitive; values take `*` and `?`. A header sent several times matches if any line does. Cannot be Host.', albDocs.headerConditions),
  'http-request-method': entry('http-request-method condition', 'Routes on the HTTP method, compared exactly and case-sensitively (A–Z, "-", "_"). Route GET and HEAD alike: HEAD responses may be cached. At most one per rule.', albDocs.methodConditions),
  'query-string': entry('query-string condition', 'Routes on key/value pairs of the query string. Not case-sensitive; `*` and `?` are wildcards, `\\*` and `\\?` literal. Leave Key out to match any key. Matches if any pair matches any of the values.', albDocs.queryConditions),
  'source-ip': entry('source-ip condition', 'Routes on the address the connection comes from, in IPv4 or IPv6 CIDR blocks. Behind a proxy this is the proxy; X-Forwarded-For does not count (use an http-header condition for it). At most one per rule.', albDocs.sourceIpConditions),
};

/** Action and transform types (the values of `Type`). */
export const typeHovers: Readonly<Record<string, HoverEntry>> = {
  forward: entry('forward action', 'Sends the request to one target group, or shares it among up to 5 by Weight (0 to 999). Must be the last action.', albDocs.forwardConfig),
  redirect: entry('redirect action', 'Answers with a 301 or 302 and a Location built from RedirectConfig; components it does not set keep the request\'s values (placeholders #{protocol}, #{host}, #{port}, #{path}, #{query}). Must be the last action.', albDocs.redirectConfig),
  'fixed-response': entry('fixed-response action', 'Answers itself with a 2XX, 4XX or 5XX status, an optional content type and a body of up to 1,024 bytes. Must be the last action.', albDocs.fixedResponseConfig),
  'authenticate-oidc': entry('authenticate-oidc action', 'HTTPS listeners only: signs the user in with an OpenID Connect identity provider before the final action. At most one authentication action, performed first.', albDocs.authenticate),
  'authenticate-cognito': entry('authenticate-cognito action', 'HTTPS listeners only: signs the user in with an Amazon Cognito user pool before the final action. At most one authentication action, performed first.', albDocs.authenticate),
  'jwt-validation': entry('jwt-validation action', 'HTTPS listeners only: validates a JWT access token (signature from the JWKS endpoint, issuer, claims) before the final action.', albDocs.action),
  'host-header-rewrite': entry('host-header-rewrite transform', 'Rewrites the Host header with a regex and a replacement ($1, $2...) after the routing decision. One per rule; not on the default rule.', albDocs.transforms),
  'url-rewrite': entry('url-rewrite transform', 'Rewrites the path and query with a regex and a replacement ($1, $2...) after the routing decision. One per rule; not on the default rule.', albDocs.transforms),
};

/** Redirect placeholders. */
export const placeholderHovers: Readonly<Record<string, HoverEntry>> = {
  '#{protocol}': entry('#{protocol}', 'The request\'s protocol (http or https). Allowed in Protocol and Query.', albDocs.redirectConfig),
  '#{host}': entry('#{host}', 'The request\'s host name, without the port. Allowed in Host, Path and Query.', albDocs.redirectConfig),
  '#{port}': entry('#{port}', 'The port the request came in on (the listener\'s). Allowed in Port, Path and Query. ALB writes it into Location even when it is 80 or 443.', albDocs.redirectConfig),
  '#{path}': entry('#{path}', 'The request\'s path without its leading "/": write "/#{path}" to keep it. Allowed in Path and Query.', albDocs.redirectConfig),
  '#{query}': entry('#{query}', 'The request\'s query string, without the "?". Allowed in Query.', albDocs.redirectConfig),
};

/** Property names, some by the object they appear in (`RedirectConfig.StatusCode`). */
export const keyHovers: Readonly<Record<string, HoverEntry>> = {
  Priority: entry('Priority', 'Rules are evaluated from the lowest value to the highest (1 to 50,000, unique per listener); the first whose conditions all match wins. The default rule comes last.', albDocs.listenerRules),
  Conditions: entry('Conditions', 'All conditions must match (AND); within one condition any value may match (OR). At most one each of host-header, path-pattern, http-request-method and source-ip; 5 values and 5 wildcards per rule.', albDocs.conditionTypes),
  Actions: entry('Actions', 'Performed by Order: optionally one authenticate or jwt-validation action, then exactly one forward, redirect or fixed-response, last.', albDocs.actionTypes),
  DefaultActions: entry('DefaultActions', 'The default rule: what the listener does when no other rule matches. It has no conditions and cannot have transforms.', albDocs.listenerRules),
  Transforms: entry('Transforms', 'Rewrites applied to a forwarded request after the rule is chosen: one host-header-rewrite and one url-rewrite at most. They do not change routing.', albDocs.transforms),
  Values: entry('Values', 'The match strings of the condition; the condition holds when any of them matches. describe-rules output repeats them in the field\'s *Config; ALB matches the *Config ones.', albDocs.ruleCondition),
  RegexValues: entry('RegexValues', 'Regular expressions instead of match strings, for host-header, path-pattern and http-header only, never with Values. No lookarounds, backreferences, atomic groups, possessive quantifiers, recursion or \\p{...}.', albDocs.conditionTypes),
  HttpHeaderName: entry('HttpHeaderName', 'The header to compare: an RFC 7230 token of up to 40 characters, not case-sensitive, without wildcards, and not Host.', albDocs.headerConditions),
  Order: entry('Order', 'The order of the action (1 to 50,000); the lowest runs first. Needed when a rule has several actions.', albDocs.action),
  TargetGroupArn: entry('TargetGroupArn', 'The target group to forward to. With ForwardConfig too, ForwardConfig must hold exactly this one group.', albDocs.action),
  ForwardConfig: entry('ForwardConfig', 'Up to 5 target groups with weights 0 to 999; each receives weight / total of the requests. Optional stickiness keeps a client on one group.', albDocs.forwardConfig),
  Weight: entry('Weight', 'This target group\'s share of requests: its weight divided by the sum of the weights (0 to 999).', albDocs.forwardConfig),
  TargetGroupStickinessConfig: entry('TargetGroupStickinessConfig', 'Keeps a client on the target group it was sent to for DurationSeconds (1 to 604,800), which is required when Enabled is true.', albDocs.forwardConfig),
  RedirectConfig: entry('RedirectConfig', 'Builds the Location as protocol://host:port/path?query; what is not set keeps the request\'s value. It must change protocol, host, port or path, or AWS refuses it as a loop.', albDocs.redirectConfig),
  'RedirectConfig.StatusCode': entry('StatusCode', '"HTTP_301" (permanent) or "HTTP_302" (temporary).', albDocs.redirectConfig),
  'RedirectConfig.Protocol': entry('Protocol', '"HTTP", "HTTPS" or "#{protocol}". HTTPS cannot be redirected to HTTP.', albDocs.redirectConfig),
  'RedirectConfig.Port': entry('Port', '1 to 65535 or "#{port}". Not set, the request\'s port is kept: switching to HTTPS from port 80 needs "443".', albDocs.redirectConfig),
  'RedirectConfig.Host': entry('Host', 'The host name (1 to 128 characters, not percent-encoded); may hold #{host}.', albDocs.redirectConfig),
  'RedirectConfig.Path': entry('Path', 'The absolute path, starting with "/" (not percent-encoded); may hold #{host}, #{path} and #{port} once each. Not set, it is "/#{path}".', albDocs.redirectConfig),
  'RedirectConfig.Query': entry('Query', 'The query without the leading "?"; may hold any placeholder. Not set, it is "#{query}".', albDocs.redirectConfig),
  FixedResponseConfig: entry('FixedResponseConfig', 'The response ALB sends itself: StatusCode 2XX, 4XX or 5XX; ContentType text/plain, text/css, text/html, application/javascript or application/json; MessageBody up to 1,024 bytes.', albDocs.fixedResponseConfig),
  'FixedResponseConfig.StatusCode': entry('StatusCode', 'A 2XX, 4XX or 5XX status code, as a string.', albDocs.fixedResponseConfig),
  ContentType: entry('ContentType', 'text/plain, text/css, text/html, application/javascript or application/json.', albDocs.fixedResponseConfig),
  MessageBody: entry('MessageBody', 'The response body, up to 1,024 bytes.', albDocs.fixedResponseConfig),
  IsDefault: entry('IsDefault', 'Marks the listener\'s default rule (Priority "default"): the one that applies when no other rule matches.', albDocs.listenerRules),
  HostHeaderConfig: entry('HostHeaderConfig', 'Values (or RegexValues) for a host-header condition.', albDocs.hostConditions),
  PathPatternConfig: entry('PathPatternConfig', 'Values (or RegexValues) for a path-pattern condition.', albDocs.pathConditions),
  HttpHeaderConfig: entry('HttpHeaderConfig', 'HttpHeaderName and Values (or RegexValues) for an http-header condition.', albDocs.headerConditions),
  HttpRequestMethodConfig: entry('HttpRequestMethodConfig', 'Values for an http-request-method condition.', albDocs.methodConditions),
  QueryStringConfig: entry('QueryStringConfig', 'Key/Value pairs for a query-string condition; Key may be left out.', albDocs.queryConditions),
  SourceIpConfig: entry('SourceIpConfig', 'CIDR blocks for a source-ip condition.', albDocs.sourceIpConditions),
};

export function markdown(item: HoverEntry): string {
  return `**${item.title}**\n\n${item.text}\n\n[AWS documentation](${item.docs})`;
}
