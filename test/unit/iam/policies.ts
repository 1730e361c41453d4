/** Builders for test policies: a statement list in a 2012-10-17 policy, pretty enough to read in failures. */
export function policy(...statements: string[]): string {
  return `{"Version": "2012-10-17", "Statement": [${statements.join(', ')}]}`;
}

/** A policy kept as a JSON string, as get-bucket-policy prints it. */
export function policyString(policyText: string): string {
  return JSON.stringify({ Policy: policyText });
}

/** `text` as it appears inside a JSON string (quotes escaped). */
export function escaped(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}
