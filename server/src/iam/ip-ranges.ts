import { parseIpRange as parseRange, type WrittenCidr } from '../network/ip';

const parsed = new Map<string, WrittenCidr | null>();

/**
 * Parses an IPv4 or IPv6 address with an optional prefix length; undefined for
 * anything else (TYPE_MISMATCH_IP_RANGE reports it). Cached: policies repeat
 * their ranges, and the arithmetic allocates.
 */
export function parseIpRange(text: string): WrittenCidr | undefined {
  let range = parsed.get(text);
  if (range === undefined) {
    if (parsed.size > 5000) parsed.clear();
    range = parseRange(text) ?? null;
    parsed.set(text, range);
  }
  return range ?? undefined;
}

/** RFC 1918's IPv4 blocks and IPv6 unique local addresses (RFC 4193): never a request's public source address. */
const privateBlocks = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'].map((b) => parseRange(b) as WrittenCidr);

/** True when the whole range lies in a private block; false when any of it is public; undefined when it is not a range. */
export function isPrivateRange(text: string): boolean | undefined {
  const range = parseIpRange(text);
  if (!range) return undefined;
  return privateBlocks.some((b) => b.family === range.family && range.start >= b.start && range.end <= b.end);
}
