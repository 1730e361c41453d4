import type { FunctionConfig, InvokeResult } from '../runtime';
import { describeRunVerdict, edgeTriggerOf, judgeInvoke, whyNoVerdict } from '../edge';
import type { CommandIO } from './command';

/**
 * After an invoke with a Lambda@Edge event: CloudFront's verdict on the run
 * and its result, on stderr. True when CloudFront would not go on with it
 * (an error for the viewer, or a function it refuses to associate).
 */
export function reportEdgeVerdict(eventPayload: string, result: InvokeResult, config: FunctionConfig, io: CommandIO): boolean {
  const trigger = edgeTriggerOf(eventPayload);
  if (!trigger) {
    const why = whyNoVerdict(eventPayload);
    if (why) io.stderr(`No CloudFront verdict: ${why}\n`);
    return false;
  }
  const verdict = judgeInvoke(trigger, JSON.parse(eventPayload) as unknown, result, {
    timeoutSeconds: config.timeoutSeconds,
    memoryMB: config.memoryMB,
    environment: config.environment,
  });
  io.stderr(`${describeRunVerdict(trigger, verdict).join('\n')}\n`);
  return [...verdict.run, ...(verdict.result?.violations ?? [])].some((v) => v.consequence.kind === 'viewer-error' || v.consequence.kind === 'deploy-error');
}
