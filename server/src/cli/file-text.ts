import { extname } from 'node:path';
import type { Finding } from '../language/finding';

/** Id of the one finding for a file that is not valid UTF-8. */
export const encodingId = 'file.encoding';

/** A file's bytes as `check` reads them: its text, or why it is not a document `check` reads. */
export type FileText = { readonly text: string; readonly encoding?: Finding } | { readonly notChecked: string };

const jsonExtensions: ReadonlySet<string> = new Set(['.json', '.jsonc']);
const yamlExtensions: ReadonlySet<string> = new Set(['.yaml', '.yml']);

/**
 * Decodes a file for `check`: UTF-8, with the first invalid byte reported once
 * where it is (the rest decoded leniently so line numbers stay right); a file
 * that is neither JSON nor YAML (by extension, else by its first character)
 * is named, not parsed into a page of JSON syntax errors.
 */
export function fileText(path: string, bytes: Uint8Array): FileText {
  const bad = firstInvalidUtf8(bytes);
  const text = stripByteOrderMark(new TextDecoder('utf-8').decode(bytes));
  if (!looksLikeDocument(path, text)) return { notChecked: 'neither JSON nor YAML, not checked' };
  if (bad === undefined) return { text };
  const offset = stripByteOrderMark(new TextDecoder('utf-8').decode(bytes.subarray(0, bad))).length;
  const byte = (bytes[bad] as number).toString(16).toUpperCase().padStart(2, '0');
  return {
    text,
    encoding: {
      id: encodingId,
      severity: 'error',
      message: `The file is not valid UTF-8 (byte 0x${byte} at byte offset ${bad}); AWS accepts only UTF-8 documents. Findings on the characters it spoils are left out.`,
      range: { offset, length: 1 },
      docs: 'https://www.rfc-editor.org/rfc/rfc8259#section-8.1',
    },
  };
}

/** The findings, without those on characters that only a bad byte made (the encoding finding has said it once), in document order. */
export function withEncoding(encoding: Finding | undefined, text: string, findings: readonly Finding[]): readonly Finding[] {
  if (!encoding) return findings;
  const clean = findings.filter((f) => !text.slice(f.range.offset, f.range.offset + f.range.length).includes(replacement));
  return [encoding, ...clean].sort((a, b) => a.range.offset - b.range.offset);
}

const replacement = '\uFFFD';

function looksLikeDocument(path: string, text: string): boolean {
  const extension = extname(path).toLowerCase();
  if (jsonExtensions.has(extension) || yamlExtensions.has(extension)) return true;
  // Anything else (a .template, a policy saved as .txt) is read when it opens as JSON does.
  return /^\s*[{[]/.test(text);
}

/** The index of the first byte that is not part of a well-formed UTF-8 sequence, or undefined. */
export function firstInvalidUtf8(bytes: Uint8Array): number | undefined {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < lowContinuation(b, k) || c > highContinuation(b, k)) return i;
    }
    i += length;
  }
  return undefined;
}

/** The smallest continuation byte allowed at position k after lead byte b (no overlong forms). */
function lowContinuation(b: number, k: number): number {
  if (k === 1 && b === 0xe0) return 0xa0;
  if (k === 1 && b === 0xf0) return 0x90;
  return 0x80;
}

/** The largest continuation byte allowed at position k after lead byte b (no surrogates, nothing past U+10FFFF). */
function highContinuation(b: number, k: number): number {
  if (k === 1 && b === 0xed) return 0x9f;
  if (k === 1 && b === 0xf4) return 0x8f;
  return 0xbf;
}

/** Editors on Windows save a BOM; offsets must stay those of the text after it, as editors show. */
function stripByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
