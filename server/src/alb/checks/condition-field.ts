import { defineCheck, type Report } from '../../language/check';
import type { Fix } from '../../language/finding';
import { albDocs } from '../docs';
import { conditionConfigKeys, conditionFields, type ConditionField } from '../model/types';
import { conditionsOf } from './walk';
import { either } from './wording';

/** What people write for a field, and the field they mean. */
const meant: ReadonlyArray<readonly [RegExp, ConditionField]> = [
  [/^(host|hostname|host-name|domain|host_header)$/i, 'host-header'],
  [/^(path|path_pattern|pathpattern|url|uri)$/i, 'path-pattern'],
  [/^(header|http_header|headers)$/i, 'http-header'],
  [/^(method|http-method|request-method|http_request_method)$/i, 'http-request-method'],
  [/^(query|querystring|query_string|query-params?)$/i, 'query-string'],
  [/^(ip|source|source_ip|sourceip|client-ip|cidr)$/i, 'source-ip'],
];

/**
 * Every condition names one of the six fields, and carries only that field's
 * `*Config`: AWS refuses a condition without a field ("A condition field must
 * be specified") and configs that belong to another field.
 */
export const conditionField = defineCheck({
  id: 'alb.condition-field',
  scope: 'alb-config',
  severity: 'error',
  title: 'A condition has no field, an unknown field, or the configuration of another field.',
  docs: albDocs.conditionTypes,
  *run(context): Iterable<Report> {
    for (const { condition } of conditionsOf(context)) {
      const field = condition.field;
      if (!field) {
        yield { range: condition.range, message: 'This condition has no Field; AWS refuses it: "A condition field must be specified".' };
        continue;
      }
      if (field.value === undefined) continue;
      if (!condition.kind) {
        const fieldName = field.value;
        const guess = meant.find(([pattern]) => pattern.test(fieldName))?.[1] ?? conditionFields.find((f) => f.toLowerCase() === fieldName.toLowerCase());
        const fixes: Fix[] = guess ? [{ title: `Change to "${guess}"`, edits: [{ ...field.range, newText: JSON.stringify(guess) }], preferred: true }] : [];
        yield {
          range: field.range,
          message: `"${fieldName}" is not a condition field; use ${either(conditionFields.map((f) => `"${f}"`))}.`,
          ...(fixes.length ? { fixes } : {}),
        };
        continue;
      }
      const own = conditionConfigKeys[condition.kind];
      for (const config of condition.forms.configs) {
        if (config.name === own) continue;
        const owner = (Object.entries(conditionConfigKeys) as Array<[ConditionField, string]>).find(([, key]) => key === config.name)?.[0];
        yield {
          range: config.key,
          message: `${config.name} belongs to ${owner ?? 'another'} conditions, and this condition's Field is "${condition.kind}"; use ${own}.`,
        };
      }
    }
  },
});
