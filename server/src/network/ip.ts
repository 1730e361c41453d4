/**
 * IP addresses and CIDR blocks, IPv4 and IPv6, as numbers: one module for
 * every engine that reads them (IAM's IpAddress conditions, ALB's source-ip
 * conditions). Strict dotted quads (no leading zeros, which some parsers read
 * as octal), RFC 4291 text for IPv6, RFC 5952's short form when written back.
 */
/** An IPv4 or IPv6 address as a number. */
export interface IpAddress {
  readonly family: 4 | 6;
  readonly value: bigint;
}

/** A CIDR block as the inclusive range of addresses it holds. */
export interface Cidr {
  readonly family: 4 | 6;
  readonly prefix: number;
  readonly start: bigint;
  readonly end: bigint;
}

const bits = { 4: 32, 6: 128 } as const;

function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    // Leading zeros are refused: some parsers read them as octal.
    if (!/^(0|[1-9]\d{0,2})$/.test(part) || Number(part) > 255) return undefined;
    value = (value << 8n) | BigInt(part);
  }
  return value;
}

function parseIpv6(text: string): bigint | undefined {
  let head = text;
  let tail32: bigint | undefined;
  const lastColon = text.lastIndexOf(':');
  if (text.slice(lastColon + 1).includes('.')) {
    tail32 = parseIpv4(text.slice(lastColon + 1));
    if (tail32 === undefined) return undefined;
    head = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const halves = head.split('::');
  if (halves.length > 2) return undefined;
  const groups = (part: string | undefined) => (part ? part.split(':') : []);
  const left = groups(halves[0]);
  const right = groups(halves[1]);
  const missing = 8 - left.length - right.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const all = [...left, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...right];
  let value = 0n;
  for (const group of all) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return undefined;
    value = (value << 16n) | BigInt(parseInt(group, 16));
  }
  return tail32 === undefined ? value : (value & ~0xffffffffn) | tail32;
}

export function parseIp(text: string): IpAddress | undefined {
  const v4 = parseIpv4(text);
  if (v4 !== undefined) return { family: 4, value: v4 };
  const v6 = text.includes(':') ? parseIpv6(text) : undefined;
  return v6 === undefined ? undefined : { family: 6, value: v6 };
}

/** A block with the address as written (its host bits may be set: `10.1.2.3/8`). */
export interface WrittenCidr extends Cidr {
  readonly address: bigint;
}

/** Parses `address/prefix`, or says why it is not a CIDR block. */
export function parseCidr(text: string): WrittenCidr | { readonly error: string } {
  const slash = text.indexOf('/');
  if (slash < 0) return { error: 'a CIDR block needs a prefix length, e.g. 192.0.2.0/24 or 2001:db8::/32' };
  const address = parseIp(text.slice(0, slash));
  if (!address) return { error: `"${text.slice(0, slash)}" is not an IPv4 or IPv6 address` };
  const prefixText = text.slice(slash + 1);
  const max = bits[address.family];
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > max) {
    return { error: `the prefix length must be a number from 0 to ${max} for an IPv${address.family} address` };
  }
  return block(address, Number(prefixText));
}

/** An address or a block, as IAM's IP conditions take them: a lone address is a block of one (/32, /128). */
export function parseIpRange(text: string): WrittenCidr | undefined {
  const trimmed = text.trim();
  if (!trimmed.includes('/')) {
    const address = parseIp(trimmed);
    return address ? block(address, bits[address.family]) : undefined;
  }
  const parsed = parseCidr(trimmed);
  return 'error' in parsed ? undefined : parsed;
}

function block(address: IpAddress, prefix: number): WrittenCidr {
  const hostBits = BigInt(bits[address.family] - prefix);
  const start = (address.value >> hostBits) << hostBits;
  return { family: address.family, prefix, start, end: start + (1n << hostBits) - 1n, address: address.value };
}

/** A block as written back: its network address (host bits cleared) and prefix length. */
export function formatCidr(cidr: Cidr): string {
  return `${formatIp({ family: cidr.family, value: cidr.start })}/${cidr.prefix}`;
}

export function cidrContains(cidr: Cidr, ip: IpAddress): boolean {
  return cidr.family === ip.family && ip.value >= cidr.start && ip.value <= cidr.end;
}

export function formatIp(ip: IpAddress): string {
  if (ip.family === 4) {
    return [24n, 16n, 8n, 0n].map((shift) => String((ip.value >> shift) & 0xffn)).join('.');
  }
  const groups = Array.from({ length: 8 }, (_, i) => Number((ip.value >> BigInt(112 - 16 * i)) & 0xffffn));
  // Compress the longest run of zero groups (RFC 5952).
  let best = { at: -1, length: 0 };
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > best.length && j - i > 1) best = { at: i, length: j - i };
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best.at < 0) return hex.join(':');
  return `${hex.slice(0, best.at).join(':')}::${hex.slice(best.at + best.length).join(':')}`;
}

/** The first address of `sub` that no block of `sup` holds, or undefined when `sup` covers `sub`. */
export function firstUncovered(sub: readonly Cidr[], sup: readonly Cidr[]): IpAddress | undefined {
  for (const block of sub) {
    let at = block.start;
    // Blocks that hold `at` push it past their end until none does or the block is used up.
    for (let moved = true; moved && at <= block.end; ) {
      moved = false;
      for (const cover of sup) {
        if (cover.family === block.family && cover.start <= at && at <= cover.end) {
          at = cover.end + 1n;
          moved = true;
        }
      }
    }
    if (at <= block.end) return { family: block.family, value: at };
  }
  return undefined;
}

/** An address in a block of `a` and in a block of `b`, if the two sets meet. */
export function commonAddress(a: readonly Cidr[], b: readonly Cidr[]): IpAddress | undefined {
  for (const x of a) {
    for (const y of b) {
      if (x.family !== y.family) continue;
      const start = x.start > y.start ? x.start : y.start;
      const end = x.end < y.end ? x.end : y.end;
      if (start <= end) return { family: x.family, value: start };
    }
  }
  return undefined;
}

/** Every address of one family, as a block (a rule without a source-ip condition). */
export function everyAddress(family: 4 | 6): Cidr {
  return { family, prefix: 0, start: 0n, end: (1n << BigInt(bits[family])) - 1n };
}
