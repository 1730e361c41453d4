import type { Trigger } from '../model/triggers';
import type { EdgeRunVerdict } from './after-invoke';
import { describeConsequence } from './verdict';

/**
 * CloudFront's verdict on a run as lines of text, for a log or a terminal:
 * the outcome first, then each violation with its field and consequence.
 */
export function describeRunVerdict(trigger: Trigger, verdict: EdgeRunVerdict): string[] {
  const { viewerError, result, run } = verdict;
  const all = [...run, ...(result?.violations ?? [])];
  const head = viewerError
    ? `CloudFront would answer ${viewerError.status} (${viewerError.errorType}) to this ${trigger} function.`
    : all.some((v) => v.consequence.kind === 'deploy-error')
      ? `CloudFront would refuse to associate this function with a ${trigger} trigger (InvalidLambdaFunctionAssociation).`
      : `CloudFront accepts this ${trigger} result${result?.outcome ? ` (${result.outcome})` : ''}${all.length ? ', with the changes below lost' : ''}.`;
  const lines = [head];
  for (const v of run) lines.push(`  ${describeConsequence(v.consequence)} ${v.rule}: ${v.message}`);
  for (const v of result?.violations ?? []) {
    lines.push(`  ${describeConsequence(v.consequence)} ${v.rule} at ${v.path.length ? v.path.join('.') : 'the result'}: ${v.message}`);
  }
  return lines;
}
