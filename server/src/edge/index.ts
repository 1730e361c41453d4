/**
 * The Lambda@Edge engine's front door: what the faces use of it. Event
 * fixtures are checked through the language service (domain.ts); here are the
 * generator of fixtures (generate/), the judge of a function's result as
 * CloudFront judges it (result/) and the trigger chain simulation
 * (simulate/). Faces import this file only; a test holds them to it.
 */
export { generateEventText, type OriginType } from './generate/fixture';
export { isTrigger, type Trigger, triggers } from './model/triggers';
export { type EdgeFunctionConfig, type EdgeRunVerdict, edgeTriggerOf, judgeInvoke, whyNoVerdict } from './result/after-invoke';
export { checkResultText } from './result/check-result';
export { describeRunVerdict } from './result/describe';
export { type Consequence, describeConsequence, type ResultVerdict } from './result/verdict';
export { type ChainReport, type ChainRunner, type EdgeRequest, type EdgeResponse, simulateChain } from './simulate/chain';
export { type ChainFile, parseChainFile } from './simulate/chain-file';
export { fetchLocalOrigin } from './simulate/local-origin';
