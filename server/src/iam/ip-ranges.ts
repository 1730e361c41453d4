/** An address range as written in an IP condition (`203.0.113.0/24`, `2001:db8::/32`, or one address), as integers. */
export interface IpRange {
  readonly v6: boolean;
  /** The address as written, host bits included. */
  readonly address: bigint;
  /** The prefix length (32 or 128 for a single address). */
  readonly bits: number;
  readonly first: bigint;
  readonly last: bigint;
}

const parsed = new Map<string, IpRange | null>();

/**
 * Parses an IPv4 or IPv6 address with an optional prefix length; undefined for
 * anything else (TYPE_MISMATCH_IP_RANGE reports it). Cached: policies repeat
 * their ranges, and the arithmetic allocates.
 */
export function parseIpRange(text: string): IpRange | undefined {
  let range = parsed.get(text);
  if (range === undefined) {
    if (parsed.size > 5000) parsed.clear();
    range = computeRange(text) ?? null;
    parsed.set(text, range);
  }
  return range ?? undefined;
}

function computeRange(text: string): IpRange | undefined {
  const [address = '', bitsText, ...rest] = text.trim().split('/');
  if (rest.length) return undefined;
  const v6 = address.includes(':');
  const value = v6 ? parseV6(address) : parseV4(address);
  const width = v6 ? 128 : 32;
  const bits = bitsText === undefined ? width : /^\d{1,3}$/.test(bitsText) ? Number(bitsText) : NaN;
  if (value === undefined || !(bits >= 0 && bits <= width)) return undefined;
  const host = (1n << BigInt(width - bits)) - 1n;
  const first = value & ~host & ((1n << BigInt(width)) - 1n);
  return { v6, address: value, bits, first, last: first | host };
}

/** A range written as IAM reads it: the network address (host bits cleared) and the prefix length; IPv6 in RFC 5952's short form. */
export function formatRange(range: IpRange): string {
  return `${range.v6 ? formatV6(range.first) : formatV4(range.first)}/${range.bits}`;
}

function formatV4(value: bigint): string {
  return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 0xffn)).join('.');
}

function formatV6(value: bigint): string {
  const groups = Array.from({ length: 8 }, (_, i) => Number((value >> BigInt(112 - 16 * i)) & 0xffffn));
  // The longest run of two or more zero groups becomes "::".
  let best = { start: -1, length: 0 };
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > best.length && j - i >= 2) best = { start: i, length: j - i };
    i = j === i ? i + 1 : j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best.start < 0) return hex.join(':');
  return `${hex.slice(0, best.start).join(':')}::${hex.slice(best.start + best.length).join(':')}`;
}

function parseV4(address: string): bigint | undefined {
  const octets = address.split('.');
  if (octets.length !== 4 || !octets.every((o) => /^\d{1,3}$/.test(o) && Number(o) <= 255)) return undefined;
  return octets.reduce((n, o) => (n << 8n) | BigInt(o), 0n);
}

function parseV6(address: string): bigint | undefined {
  // An IPv4 address may end it (::ffff:192.0.2.1): its 32 bits are the last two groups.
  const lastColon = address.lastIndexOf(':');
  const dotted = address.includes('.') ? parseV4(address.slice(lastColon + 1)) : undefined;
  if (address.includes('.') && dotted === undefined) return undefined;
  const hex = dotted === undefined ? address : `${address.slice(0, lastColon + 1)}${(dotted >> 16n).toString(16)}:${(dotted & 0xffffn).toString(16)}`;
  const halves = hex.split('::');
  if (halves.length > 2) return undefined;
  const groups = (half: string | undefined) => (half ? half.split(':') : []);
  const head = groups(halves[0]);
  const tail = groups(halves[1]);
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const all = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  if (!all.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return undefined;
  return all.reduce((n, g) => (n << 16n) | BigInt(parseInt(g, 16)), 0n);
}

/** RFC 1918's IPv4 blocks and IPv6 unique local addresses (RFC 4193): never a request's public source address. */
const privateBlocks = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'].map((b) => parseIpRange(b) as IpRange);

/** True when the whole range lies in a private block; false when any of it is public; undefined when it is not a range. */
export function isPrivateRange(text: string): boolean | undefined {
  const range = parseIpRange(text);
  if (!range) return undefined;
  return privateBlocks.some((b) => b.v6 === range.v6 && range.first >= b.first && range.last <= b.last);
}
