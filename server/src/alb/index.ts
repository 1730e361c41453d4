/**
 * The ALB engine's front door: what the faces (VS Code client, CLI, language
 * server) use of it. Listener rules are read from any region the alb domain
 * detects (see detect.ts and domain.ts); requests are routed as ALB routes
 * them (routing/), and a Lambda target is invoked with the event ALB sends
 * (lambda/). Faces import this file only; a test holds them to it.
 */
export { buildAlbEvent, traceIdAt } from './lambda/event';
export { type ForwardedTarget, type InvokeRecord, type LambdaExchange, type ResolvedTargetGroup, exchangeWithLambda, forwardedTarget, mappingForTarget, targetGroupFor, templateFunctionFor } from './lambda/exchange';
export { type TargetGroupMapping, type TargetGroupTable, parseTargetGroups, parseTargetPairs, targetGroupName } from './lambda/target-groups';
export { type Verdict } from './routing/conditions';
export { parseRoutingOptions } from './routing/options';
export { type Outcome } from './routing/outcome';
export { type RequestInput, type RequestProblem, parseRequest, requestLine, withFileBody } from './routing/request';
export { type RouteTrace } from './routing/route';
export { type ListenerChoice, type Simulation, simulate } from './simulate';
