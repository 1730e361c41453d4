import { stringValue } from '../../document/tree';
import { defineCheck, type Report } from '../../language/check';
import { edgeDocs } from '../model/docs';
import { edgeFunctions, edgeTemplateOf, functionSetting } from '../template/associations';

/** A runtime Lambda@Edge runs: Node.js and Python only. */
export const functionRuntime = defineCheck({
  id: 'edge.function-runtime',
  scope: 'template',
  severity: 'error',
  title: 'A function CloudFront runs uses a runtime Lambda@Edge does not support.',
  docs: edgeDocs.runtimes,
  *run(context): Iterable<Report> {
    const template = edgeTemplateOf(context);
    for (const { fn } of edgeFunctions(template)) {
      const runtime = functionSetting(template, fn, 'Runtime');
      const name = stringValue(runtime?.value);
      if (!runtime || name === undefined || /^(?:nodejs|python)/.test(name)) continue;
      yield { range: runtime.value, message: `Lambda@Edge runs Node.js and Python functions only; ${fn.id} uses ${name}${runtime.inherited ? ' (from Globals)' : ''}.` };
    }
  },
});
