import { defineCheck, type Report } from '../../language/check';
import { analyzeListener, ruleAnchor } from '../analysis/listener';
import { albDocs } from '../docs';
import { readAlbRegion } from '../model/read';
import type { ListenerModel, RuleModel } from '../model/types';
import { defaultRoutingOptions } from '../routing/options';
import { inputLine, parseRequest, type RequestInput } from '../routing/request';
import { decideRoute } from '../routing/route';
import { capital, named } from './wording';

/**
 * The request that shows it: " For example, `GET https://example.com/a` goes to rule 10."
 * The editor offers to simulate the request between the backticks.
 */
function exampleText(listener: ListenerModel, example: RequestInput | undefined): string {
  const parsed = example && parseRequest(example);
  if (!example || !parsed || !('request' in parsed)) return '';
  const taker = decideRoute(listener, parsed.request, defaultRoutingOptions).rule;
  return taker ? ` For example, \`${inputLine(example)}\` goes to ${named(taker)}.` : '';
}

function names(rules: readonly RuleModel[]): string {
  const all = rules.map(named);
  return all.length === 1 ? (all[0] ?? '') : `${all.slice(0, -1).join(', ')} and ${all.at(-1) ?? ''}`;
}

/**
 * A rule no request can reach: earlier rules take every request it would
 * match, or it matches none at all. Reported only with a proof: the
 * inclusion of its conditions in the earlier rules', decided exactly.
 */
export const shadowedRule = defineCheck({
  id: 'alb.shadowed-rule',
  scope: 'alb-config',
  severity: 'warning',
  title: 'A rule can never match: rules of higher priority take every request it would.',
  docs: albDocs.listenerRules,
  *run(context): Iterable<Report> {
    for (const listener of readAlbRegion(context.region).listeners) {
      for (const finding of analyzeListener(listener)) {
        if (finding.kind === 'never-matches') {
          yield { range: ruleAnchor(finding.rule), message: `${capital(named(finding.rule))} can never match: ${finding.reason}.` };
        } else if (finding.kind === 'shadowed') {
          const by = names(finding.by);
          const proof = finding.proof.join('; ');
          yield {
            range: ruleAnchor(finding.rule),
            message: (finding.rule.isDefault
              ? `The default rule never runs: ${by} comes first and matches every request (${proof}).`
              : finding.by.length === 1
                ? `${capital(named(finding.rule))} can never match: ${by} comes first and matches every request it would (${proof}).`
                : `${capital(named(finding.rule))} can never match: ${by} come first and together match every request it would (${proof}).`) + exampleText(listener, finding.example),
          };
        }
      }
    }
  },
});
