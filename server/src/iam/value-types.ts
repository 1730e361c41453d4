import type { RegionCheck, Report } from '../language/check';
import type { Severity } from '../language/finding';
import { conditionsOf, hasVariable, valueText } from './conditions';
import { analyzerDocs, iamCheck } from './define';
import { parseIpRange } from './ip-ranges';
import type { OperatorFamily } from './operators';

/** A finding for condition values an operator family cannot read (AWS then never matches them). */
export function valueTypeCheck(id: string, anchor: string, families: readonly OperatorFamily[], expected: string, valid: (text: string) => boolean, severity: Severity = 'warning'): RegionCheck {
  return iamCheck({
    id,
    severity,
    title: `A condition value cannot be read as ${expected} by its operator.`,
    docs: analyzerDocs(anchor),
    perStatement: true,
    run(policy): Report[] {
      const out: Report[] = [];
      conditionsOf(policy).forEach((entry) => {
        if (!entry.parsed || !families.includes(entry.parsed.family)) return;
        for (const value of entry.values) {
          const text = valueText(value);
          if (text === undefined || hasVariable(text) || valid(text)) continue;
          out.push({ range: policy.range(value), message: `${entry.parsed.base} needs ${expected}; "${text}" is not one, so the condition never matches.` });
        }
      });
      return out;
    },
  });
}

export function isBoolean(text: string): boolean {
  return /^(true|false)$/i.test(text);
}

export function isNumber(text: string): boolean {
  return /^-?\d+(\.\d+)?$/.test(text);
}

/** ISO 8601 dates and date-times (with optional fraction and zone), or epoch seconds. */
export function isDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(text) || /^\d+$/.test(text);
}

/** IPv4 or IPv6 addresses, with an optional CIDR prefix length. */
export function isIpRange(text: string): boolean {
  return parseIpRange(text) !== undefined;
}
