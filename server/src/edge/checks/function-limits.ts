import { defineCheck, type Report } from '../../language/check';
import { edgeDocs } from '../model/docs';
import { isOriginTrigger, type Trigger } from '../model/triggers';
import { edgeFunctions, edgeTemplateOf, functionSetting } from '../template/associations';

/** Lambda@Edge's ceilings, by where the function runs ("Quotas on Lambda@Edge"). */
const limits = {
  viewer: { timeoutSeconds: 5, memoryMb: 128 },
  origin: { timeoutSeconds: 30, memoryMb: 10_240 },
} as const;

/**
 * Timeout and memory within what Lambda@Edge allows for the triggers that
 * run the function: the tightest of them, since one function serves them all.
 */
export const functionLimits = defineCheck({
  id: 'edge.function-limits',
  scope: 'template',
  severity: 'error',
  title: "A function CloudFront runs has a timeout or memory size beyond Lambda@Edge's quota for its trigger.",
  docs: edgeDocs.quotas,
  *run(context): Iterable<Report> {
    const template = edgeTemplateOf(context);
    for (const { fn, triggers } of edgeFunctions(template)) {
      if (triggers.size === 0) continue;
      const viewer = [...triggers].find((t) => !isOriginTrigger(t));
      const side = viewer ? 'viewer' : 'origin';
      const trigger: Trigger = viewer ?? [...triggers][0] ?? 'origin-request';
      const limit = limits[side];
      const timeout = functionSetting(template, fn, 'Timeout');
      if (timeout && typeof timeout.value.value === 'number' && timeout.value.value > limit.timeoutSeconds) {
        yield { range: timeout.value, message: `${fn.id} runs on ${trigger}, where Lambda@Edge allows at most ${limit.timeoutSeconds} seconds (this is ${timeout.value.value}${timeout.inherited ? ', from Globals' : ''}).` };
      }
      const memory = functionSetting(template, fn, 'MemorySize');
      if (memory && typeof memory.value.value === 'number' && memory.value.value > limit.memoryMb) {
        yield { range: memory.value, message: `${fn.id} runs on ${trigger}, where Lambda@Edge allows at most ${limit.memoryMb} MB (this is ${memory.value.value}${memory.inherited ? ', from Globals' : ''}).` };
      }
    }
  },
});
