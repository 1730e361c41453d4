/**
 * The regular expressions of `RegexValues` and rule transforms. AWS does
 * not support lookaheads, lookbehinds, backreferences, atomic groups,
 * possessive quantifiers, subroutines, recursion and Unicode character
 * classes; this finds them, and compiles the rest to a JavaScript RegExp
 * (PCRE spellings such as `\A`, `\z`, `(?P<name>` and `[:alpha:]` translated).
 */

/** An unsupported construct, at its offset in the regex source. */
export interface RegexProblem {
  readonly offset: number;
  readonly length: number;
  readonly feature: string;
}

const groupFeatures: ReadonlyArray<readonly [string, string]> = [
  ['(?<=', 'a lookbehind'],
  ['(?<!', 'a lookbehind'],
  ['(?=', 'a lookahead'],
  ['(?!', 'a lookahead'],
  ['(?>', 'an atomic group'],
  ['(?R)', 'recursion'],
  ['(?&', 'a subroutine call'],
  ['(?P>', 'a subroutine call'],
  ['(?P=', 'a backreference'],
];

/** Finds the constructs AWS refuses, skipping escaped characters and the insides of character classes. */
export function unsupportedFeatures(source: string): RegexProblem[] {
  const problems: RegexProblem[] = [];
  const add = (offset: number, length: number, feature: string) => problems.push({ offset, length, feature });
  for (let i = 0; i < source.length; i++) {
    const c = source.charAt(i);
    if (c === '\\') {
      const e = source.charAt(i + 1);
      if (/[1-9]/.test(e)) add(i, 2, 'a backreference');
      else if (e === 'k' || e === 'g') add(i, 2, e === 'g' && source.charAt(i + 2) === '<' ? 'a subroutine call' : 'a backreference');
      else if (e === 'p' || e === 'P') {
        add(i, unicodeClassLength(source, i), 'a Unicode character class');
        i += unicodeClassLength(source, i) - 2;
      }
      i++;
    } else if (c === '[') {
      i = classEnd(source, i, add);
    } else if (c === '(') {
      const found = groupFeatures.find(([start]) => source.startsWith(start, i));
      if (found) add(i, found[0].length, found[1]);
      else if (/^\(\?[+-]?\d+\)/.test(source.slice(i))) add(i, source.indexOf(')', i) + 1 - i, 'a subroutine call');
    } else if ((c === '*' || c === '+' || c === '?' || c === '}') && source.charAt(i + 1) === '+' && !isGroupOpener(source, i)) {
      add(i, 2, 'a possessive quantifier');
      i++;
    }
  }
  return problems;
}

/** `\p{L}` or `\pL` at `i`. */
function unicodeClassLength(source: string, i: number): number {
  if (source.charAt(i + 2) !== '{') return Math.min(3, source.length - i);
  const close = source.indexOf('}', i);
  return close > 0 ? close + 1 - i : 2;
}

/** `?` right after `(` opens a group (`(?:`); it is no quantifier. */
function isGroupOpener(source: string, i: number): boolean {
  return source.charAt(i) === '?' && source.charAt(i - 1) === '(' && source.charAt(i - 2) !== '\\';
}

/** The index of the `]` that closes the class opened at `start`, reporting `\p{...}` inside it. */
function classEnd(source: string, start: number, add: (offset: number, length: number, feature: string) => void): number {
  let i = start + 1;
  if (source.charAt(i) === '^') i++;
  if (source.charAt(i) === ']') i++;
  for (; i < source.length; i++) {
    const c = source.charAt(i);
    if (c === '\\') {
      if (source.charAt(i + 1) === 'p' || source.charAt(i + 1) === 'P') add(i, unicodeClassLength(source, i), 'a Unicode character class');
      i++;
    } else if (c === '[' && source.charAt(i + 1) === ':') {
      const close = source.indexOf(':]', i + 2);
      if (close > 0) i = close + 1;
    } else if (c === ']') {
      return i;
    }
  }
  return i;
}

const posixClasses: Readonly<Record<string, string>> = {
  alpha: 'a-zA-Z',
  digit: '0-9',
  alnum: 'a-zA-Z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\r\\n\\v\\f',
  xdigit: '0-9a-fA-F',
  punct: '!-\\/:-@\\[-`{-~',
  word: '\\w',
};

/** A regex compiled for the simulator, or why it could not be. `syntax` marks errors any engine would refuse. */
export type CompiledRegex = { readonly regex: RegExp } | { readonly error: string; readonly syntax: boolean };

export function compileAwsRegex(source: string): CompiledRegex {
  let flags = '';
  let body = source;
  const inline = /^\(\?([imsx]+)\)/.exec(body);
  if (inline?.[1]) {
    if (inline[1].includes('x')) return { error: 'extended mode (?x) cannot be simulated', syntax: false };
    flags = inline[1];
    body = body.slice(inline[0].length);
  }
  body = body
    .replace(/\(\?P</g, '(?<')
    .replace(/\\A/g, '^')
    .replace(/\\[zZ]/g, '$')
    .replace(/\[:(\w+):\]/g, (whole, name: string) => posixClasses[name] ?? whole);
  try {
    return { regex: new RegExp(body, flags) };
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/^Invalid regular expression: \/.*\/\w*: /, '') : String(error);
    const syntax = /Unterminated|Unmatched|Nothing to repeat|Lone quantifier|Incomplete quantifier|out of order/i.test(message);
    return { error: message, syntax };
  }
}
