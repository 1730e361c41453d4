/**
 * How deep arrays and objects may nest, in JSON and in YAML (document/yaml.ts stops there too). No AWS document comes near it (IAM
 * policies are 6 levels deep, templates a few dozen), and recursive walkers,
 * jsonc-parser's own included, run out of stack at some ten thousand levels.
 */
export const nestingLimit = 512;

/**
 * The offset of the first `[` or `{` past the limit in JSON (with comments),
 * found by scanning the text once without recursion, or undefined.
 */
export function tooDeepOffset(text: string, limit = nestingLimit): number | undefined {
  // The closers still expected, innermost last: the parser skips a closer of the other kind, and so does the scan.
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === quote) i = stringEnd(text, i);
    else if (c === slash && text.charCodeAt(i + 1) === slash) i = lineEnd(text, i);
    else if (c === slash && text.charCodeAt(i + 1) === star) i = blockCommentEnd(text, i);
    else if (c === openBracket || c === openBrace) {
      if (open.push(c === openBracket ? closeBracket : closeBrace) > limit) return i;
    } else if (c === open[open.length - 1]) open.pop();
  }
  return undefined;
}

const quote = 0x22;
const slash = 0x2f;
const star = 0x2a;
const backslash = 0x5c;
const newline = 0x0a;
const carriageReturn = 0x0d;
const openBracket = 0x5b;
const closeBracket = 0x5d;
const openBrace = 0x7b;
const closeBrace = 0x7d;

/** The index of the closing quote of the string opening at `start` (or of the line end, where jsonc-parser stops an unterminated string). */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === backslash) i++;
    else if (c === quote || c === newline || c === carriageReturn) return i;
  }
  return text.length;
}

function lineEnd(text: string, start: number): number {
  for (let i = start + 2; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === newline || c === carriageReturn) return i;
  }
  return text.length;
}

function blockCommentEnd(text: string, start: number): number {
  const end = text.indexOf('*/', start + 2);
  return end < 0 ? text.length : end + 1;
}
