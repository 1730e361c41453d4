import type { Report } from '../language/check';
import type { RegionCheck } from '../language/check';
import { conditionsOf, hasVariable, valueText } from './conditions';
import { analyzerDocs, iamCheck } from './define';
import type { OperatorFamily } from './operators';

/** A general warning for condition values an operator family cannot read (AWS then never matches them). */
export function valueTypeCheck(id: string, anchor: string, families: readonly OperatorFamily[], expected: string, valid: (text: string) => boolean): RegionCheck {
  return iamCheck({
    id,
    severity: 'warning',
    title: `A condition value cannot be read as ${expected} by its operator.`,
    docs: analyzerDocs(anchor),
    run(policy): Report[] {
      const out: Report[] = [];
      for (const entry of conditionsOf(policy)) {
        if (!entry.parsed || !families.includes(entry.parsed.family)) continue;
        for (const value of entry.values) {
          const text = valueText(value);
          if (text === undefined || hasVariable(text) || valid(text)) continue;
          out.push({ range: policy.range(value), message: `${entry.parsed.base} needs ${expected}; "${text}" is not one, so the condition never matches.` });
        }
      }
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
  const [address = '', bits, ...rest] = text.split('/');
  if (rest.length) return false;
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(address)) {
    return address.split('.').every((o) => Number(o) <= 255) && (bits === undefined || (/^\d{1,2}$/.test(bits) && Number(bits) <= 32));
  }
  const ipv6 = /^[0-9a-f:]+$/i.test(address) && address.includes(':') && (address.match(/::/g) ?? []).length <= 1;
  return ipv6 && (bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= 128));
}
