/**
 * The ALB engine's front door: what the faces (VS Code client, CLI, language
 * server) use of it. Listener rules are read from any region the alb domain
 * detects (see detect.ts and domain.ts); requests are routed as ALB routes
 * them (routing/), and a Lambda target is invoked with the event ALB sends
 * (lambda/). Faces import this file only; a test holds them to it.
 */
export { buildAlbEvent, traceIdAt } from './lambda/event';
export { exchangeWithLambda, type ForwardedTarget, forwardedTarget, type InvokeRecord, type LambdaExchange, mappingForTarget, type ResolvedTargetGroup, targetGroupFor, templateFunctionFor } from './lambda/exchange';
export { parseTargetGroups, parseTargetPairs, type TargetGroupMapping, targetGroupName, type TargetGroupTable } from './lambda/target-groups';
export { type ListenerModel } from './model/types';
export { type Verdict } from './routing/conditions';
export { parseRoutingOptions, type RoutingOptions } from './routing/options';
export { type Outcome } from './routing/outcome';
export { parseRequest, type RequestInput, requestLine, type RequestProblem, withFileBody } from './routing/request';
export { routeRequest, type RouteTrace } from './routing/route';
export { answerFor, mismatches, readRoutingTable } from './routing/table';
export { bestListener, type ListenerChoice, listenersOf, simulate, type Simulation } from './simulate';
