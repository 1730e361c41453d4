import { defineCheck, type Report } from '../../language/check';
import { analyzeListener, ruleAnchor } from '../analysis/listener';
import { albDocs } from '../docs';
import { readAlbRegion } from '../model/read';
import { capital, named } from './wording';

/**
 * Two rules that do different things and both match some request: the
 * earlier one wins it. Reported for rules that constrain a common field
 * (`/img/*` and `/*.png`), with such a request, routed through the listener
 * to confirm it, so that the overlap can be judged intended or not.
 */
export const overlappingRules = defineCheck({
  id: 'alb.overlapping-rules',
  scope: 'alb-config',
  severity: 'info',
  title: 'Two rules that do different things both match some requests; the one of higher priority takes them.',
  docs: albDocs.listenerRules,
  *run(context): Iterable<Report> {
    for (const listener of readAlbRegion(context.region).listeners) {
      for (const finding of analyzeListener(listener)) {
        if (finding.kind !== 'overlap') continue;
        yield {
          range: ruleAnchor(finding.rule),
          message: `${capital(named(finding.rule))} overlaps ${named(finding.earlier)}, which comes first and does something else: ${finding.example} matches both and goes to ${named(finding.earlier)}.`,
        };
      }
    }
  },
});
