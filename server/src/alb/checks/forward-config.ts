import { defineCheck, type Report } from '../../language/check';
import { albDocs } from '../docs';
import { actionsOf } from './walk';

/**
 * ForwardConfig: one to five target groups, each with an ARN and a weight
 * from 0 to 999; stickiness for 1 to 604,800 seconds, given when enabled;
 * next to a TargetGroupArn, exactly that one target group.
 */
export const forwardConfig = defineCheck({
  id: 'alb.forward-config',
  scope: 'alb-config',
  severity: 'error',
  title: 'A forward action has too few or too many target groups, a weight outside 0 to 999, or bad stickiness.',
  docs: albDocs.forwardConfig,
  *run(context): Iterable<Report> {
    for (const { action } of actionsOf(context)) {
      const forward = action.forward;
      if (action.kind !== 'forward' || !forward) continue;
      const groups = forward.targetGroups;
      if (groups.length === 0) {
        yield { range: forward.targetGroupsList?.key ?? forward.key, message: 'ForwardConfig needs at least one target group.' };
      }
      for (const extra of groups.slice(5)) yield { range: extra.range, message: `A forward action takes at most 5 target groups; this is number ${groups.indexOf(extra) + 1}.` };
      for (const group of groups) {
        if (!group.arn) yield { range: group.range, message: 'This target group has no TargetGroupArn.' };
        const weight = group.weight;
        if (weight?.value !== undefined && (!Number.isInteger(weight.value) || weight.value < 0 || weight.value > 999)) {
          yield { range: weight.range, message: `Weight must be a whole number from 0 to 999 (got ${weight.value}).` };
        }
      }
      const arn = action.targetGroupArn;
      if (arn && groups.length > 0) {
        const only = groups.length === 1 ? groups[0] : undefined;
        if (!only || (arn.value !== undefined && only.arn?.value !== undefined && only.arn.value !== arn.value)) {
          yield { range: arn.range, message: 'With both TargetGroupArn and ForwardConfig, ForwardConfig must hold exactly that one target group; keep only ForwardConfig.' };
        }
      }
      const sticky = forward.stickiness;
      if (sticky) {
        const duration = sticky.duration;
        if (duration?.value !== undefined && (!Number.isInteger(duration.value) || duration.value < 1 || duration.value > 604_800)) {
          yield { range: duration.range, message: `DurationSeconds must be from 1 to 604,800 (7 days) (got ${duration.value}).` };
        } else if (sticky.enabled?.value === true && !duration) {
          yield { range: sticky.enabled.range, message: 'Stickiness is enabled without DurationSeconds; AWS requires the duration (1 to 604,800 seconds).' };
        }
      }
    }
  },
});
