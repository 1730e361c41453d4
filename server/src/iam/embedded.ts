import type { TextRange } from '../language/finding';

/**
 * A JSON string token decoded, with where each decoded character came from in
 * the outer text, so that findings inside a policy kept as a JSON string
 * (get-bucket-policy output) land on the exact characters the user sees.
 */
export interface DecodedString {
  readonly text: string;
  /** offsets[i] is the outer offset of decoded character i; offsets[text.length] is the closing quote. */
  readonly offsets: readonly number[];
}

const simpleEscapes: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** Decodes the string token starting at `tokenOffset` (its opening quote) of `outer`. */
export function decodeStringToken(outer: string, tokenOffset: number, tokenLength: number): DecodedString {
  const end = tokenOffset + tokenLength - 1;
  let text = '';
  const offsets: number[] = [];
  let i = tokenOffset + 1;
  while (i < end) {
    const char = outer[i] ?? '';
    if (char !== '\\') {
      text += char;
      offsets.push(i);
      i += 1;
      continue;
    }
    const code = outer[i + 1] ?? '';
    const simple = simpleEscapes[code];
    if (simple !== undefined) {
      text += simple;
      offsets.push(i);
      i += 2;
    } else if (code === 'u' && /^[0-9a-fA-F]{4}$/.test(outer.slice(i + 2, i + 6))) {
      text += String.fromCharCode(parseInt(outer.slice(i + 2, i + 6), 16));
      offsets.push(i);
      i += 6;
    } else {
      // An invalid escape: json.syntax reports it; keep the characters so offsets stay monotonic.
      text += char;
      offsets.push(i);
      i += 1;
    }
  }
  offsets.push(Math.min(i, end));
  return { text, offsets };
}

/** Maps a range of the decoded text to the outer text. */
export function mapRange(decoded: DecodedString, range: TextRange): TextRange {
  const last = decoded.offsets.length - 1;
  const start = decoded.offsets[Math.min(range.offset, last)] ?? 0;
  const end = decoded.offsets[Math.min(range.offset + range.length, last)] ?? start;
  return { offset: start, length: end - start };
}

/** Maps an outer offset (inside the token) back to the decoded text, for hover and completion. */
export function unmapOffset(decoded: DecodedString, outerOffset: number): number {
  let low = 0;
  let high = decoded.offsets.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((decoded.offsets[mid] ?? 0) <= outerOffset) low = mid;
    else high = mid - 1;
  }
  return low;
}
