// The request lines the previews take (ALB's `GET URL -H …`, IAM's `ACTION RESOURCE KEY=VALUE`)
// are split and quoted as a shell would, so a line copied from a terminal means the same here.

/** The words of a line: whitespace separates them; single and double quotes group, as in shells. */
export function splitShellWords(line: string): { words: string[] } | { error: string } {
  const words: string[] = [];
  const text = line.trim();
  let current = '';
  let quote: string | undefined;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (quote) {
      // Inside double quotes, a backslash keeps the next " or \ literal.
      if (quote === '"' && c === '\\' && (text.charAt(i + 1) === '"' || text.charAt(i + 1) === '\\')) current += text.charAt(++i);
      else if (c === quote) quote = undefined;
      else current += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(current);
      current = '';
      inWord = false;
    } else {
      current += c;
      inWord = true;
    }
  }
  if (quote) return { error: `a ${quote} quote is not closed` };
  if (inWord) words.push(current);
  return { words };
}

/** A word as it must be written for `splitShellWords` to give it back. */
export function quoteShellWord(text: string): string {
  return text === '' || /[\s"'\\]/.test(text) ? `"${text.replace(/["\\]/g, '\\$&')}"` : text;
}
