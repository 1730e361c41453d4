/**
 * JSON Lines as request tables keep them (ALB routing tables, IAM request
 * tables): every non-blank line one JSON object with only the keys its table
 * knows, numbered from 1 as editors show lines. What the object means is the
 * table's to read.
 */
export type JsonLineObject =
  | { readonly line: number; readonly fields: Readonly<Record<string, unknown>> }
  | { readonly line: number; readonly problem: string };

/** Every non-blank line's object, or why the line is none; `example` shows a good line in that message. */
export function readJsonLineObjects(text: string, knownKeys: ReadonlySet<string>, example: string): JsonLineObject[] {
  const out: JsonLineObject[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() !== '') out.push(readObject(raw, i + 1, knownKeys, example));
  });
  return out;
}

function readObject(raw: string, line: number, knownKeys: ReadonlySet<string>, example: string): JsonLineObject {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    return { line, problem: `not JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { line, problem: `a line is one JSON object: ${example}` };
  const unknownKey = Object.keys(value).find((k) => !knownKeys.has(k));
  if (unknownKey !== undefined) return { line, problem: `unknown key "${unknownKey}" (known: ${[...knownKeys].join(', ')})` };
  return { line, fields: value as Record<string, unknown> };
}
