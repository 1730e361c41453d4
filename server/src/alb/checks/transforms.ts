import { defineCheck, type Report } from '../../language/check';
import { albDocs } from '../docs';
import { transformTypes } from '../model/types';
import { regexProblems } from './regex-values';
import { rulesOf } from './walk';

const configOf = { 'host-header-rewrite': 'HostHeaderRewriteConfig', 'url-rewrite': 'UrlRewriteConfig' } as const;

/**
 * Rule transforms: host-header-rewrite and url-rewrite, at most one of each,
 * not on the default rule, each with rewrites whose Regex and Replace have
 * at most 1,024 characters and no regex features ALB does not support.
 */
export const transforms = defineCheck({
  id: 'alb.transforms',
  scope: 'alb-config',
  severity: 'error',
  title: 'A rule transform is of an unknown type, repeated, on the default rule, or has a bad rewrite.',
  docs: albDocs.transforms,
  *run(context): Iterable<Report> {
    for (const { rule } of rulesOf(context)) {
      const list = rule.transforms;
      if (!list) continue;
      if (rule.isDefault && list.items.length > 0) {
        yield { range: list.key, message: 'The default rule cannot have transforms.' };
        continue;
      }
      const seen = new Set<string>();
      for (const transform of list.items) {
        const type = transform.type;
        if (!type) {
          yield { range: transform.range, message: 'This transform has no Type; use "host-header-rewrite" or "url-rewrite".' };
          continue;
        }
        if (type.value === undefined) continue;
        const kind = transform.kind;
        if (!kind) {
          yield { range: type.range, message: `"${type.value}" is not a transform type; use ${transformTypes.map((t) => `"${t}"`).join(' or ')}.` };
          continue;
        }
        if (seen.has(kind)) yield { range: type.range, message: `A rule can have one ${kind} transform; this is a second.` };
        seen.add(kind);
        if (!transform.configs.some((c) => c.name === configOf[kind])) {
          yield { range: type.range, message: `A ${kind} transform needs ${configOf[kind]} with its Rewrites.` };
        } else if (transform.rewrites.length === 0) {
          yield { range: type.range, message: `${configOf[kind]} needs a rewrite: {"Regex": ..., "Replace": ...}.` };
        }
        for (const rewrite of transform.rewrites) {
          if (!rewrite.regex) yield { range: rewrite.range, message: 'This rewrite has no Regex to match.' };
          else yield* regexProblems(context.document.text, rewrite.regex, 1024);
          if (!rewrite.replace) yield { range: rewrite.range, message: 'This rewrite has no Replace string.' };
          else if ((rewrite.replace.value?.length ?? 0) > 1024) yield { range: rewrite.replace.range, message: 'Replace can have at most 1,024 characters.' };
        }
      }
    }
  },
});
