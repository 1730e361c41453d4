import { nestingLimit } from '../../document/depth';
import type { SyntaxProblem } from '../../document/model';
import { defineDocumentCheck, type Report } from '../check';

const messages: Readonly<Record<string, string>> = {
  InvalidSymbol: 'Unexpected character',
  InvalidNumberFormat: 'Invalid number',
  PropertyNameExpected: 'Expected a property name in double quotes',
  ValueExpected: 'Expected a value',
  ColonExpected: "Expected ':' after the property name",
  CommaExpected: "Expected ',' between items",
  CloseBraceExpected: "Expected '}' to close the object",
  CloseBracketExpected: "Expected ']' to close the array",
  EndOfFileExpected: 'Expected the end of the document after its value',
  InvalidCommentToken: 'Comments are not allowed in JSON, and AWS rejects documents that contain them',
  UnexpectedEndOfComment: 'Unterminated comment',
  UnexpectedEndOfString: 'Unterminated string',
  UnexpectedEndOfNumber: 'Unterminated number',
  InvalidUnicode: 'Invalid \\u escape sequence',
  InvalidEscapeCharacter: 'Invalid escape character in string',
  InvalidCharacter: 'Control characters must be escaped in strings',
  '<unknown ParseErrorCode>': 'Syntax error',
  NestingTooDeep: `Arrays and objects nest more than ${nestingLimit} levels deep here; no AWS document does, and nothing from here on is checked`,
};

/**
 * Strict JSON syntax. Comments and trailing commas are tolerated in files that
 * hold none of our documents (tsconfig.json and friends are JSONC); AWS accepts
 * neither in its own documents.
 */
export const jsonSyntax = defineDocumentCheck({
  id: 'json.syntax',
  scope: 'document',
  severity: 'error',
  title: 'The text is not valid JSON.',
  docs: 'https://www.rfc-editor.org/rfc/rfc8259',
  *run({ document, classification }): Iterable<Report> {
    if (document.format !== 'json') return;
    const strict = classification.regions.length > 0;
    // The parser often reports several problems for one mistake; the first says it best.
    const reported = new Set<number>();
    for (const problem of document.syntaxProblems) {
      const trailingComma = trailingCommaBefore(document.text, problem);
      const at = trailingComma ?? problem.offset;
      if (reported.has(at)) continue;
      reported.add(at);
      if (trailingComma !== undefined) {
        if (strict) yield trailingCommaReport(trailingComma);
        continue;
      }
      if (problem.code === 'InvalidCommentToken' && !strict) continue;
      yield { range: { offset: problem.offset, length: problem.length }, message: `${messages[problem.code] ?? 'Syntax error'}.` };
      // An unterminated string or comment swallows the rest of the text: what follows is noise.
      if (problem.code === 'UnexpectedEndOfString' || problem.code === 'UnexpectedEndOfComment') return;
    }
  },
});

function trailingCommaReport(offset: number): Report {
  return {
    range: { offset, length: 1 },
    message: 'Trailing commas are not allowed in JSON, and AWS rejects documents that contain them.',
    fixes: [{ title: 'Remove the trailing comma', edits: [{ offset, length: 1, newText: '' }], preferred: true }],
  };
}

/** The offset of a comma directly (bar whitespace) before a closing bracket the parser tripped on. */
export function trailingCommaBefore(text: string, problem: SyntaxProblem): number | undefined {
  if (problem.code !== 'PropertyNameExpected' && problem.code !== 'ValueExpected') return undefined;
  const closing = text[problem.offset];
  if (closing !== '}' && closing !== ']') return undefined;
  let i = problem.offset - 1;
  while (i >= 0 && /\s/.test(text[i] ?? '')) i--;
  return text[i] === ',' ? i : undefined;
}
