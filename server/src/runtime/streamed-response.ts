/**
 * Reading a streamed response (`awslambda.streamifyResponse`) once it is
 * whole, as Invoke buffers it. A function URL response
 * (`awslambda.HttpResponseStream.from`) is a JSON prelude (statusCode,
 * headers, cookies), eight NUL bytes, then the body.
 */

export const httpIntegrationContentType = 'application/vnd.awslambda.http-integration-response';
/** Eight NUL bytes end the JSON prelude of a function URL response. */
export const preludeDelimiter = Buffer.alloc(8);

export interface StreamedResponse {
  readonly contentType: string;
  readonly body: Buffer;
}

/** The prelude and body of a function URL response; `undefined` when the bytes are not one. */
export function splitHttpIntegrationResponse(bytes: Buffer): { prelude: Record<string, unknown>; body: Buffer } | undefined {
  const end = bytes.indexOf(preludeDelimiter);
  if (end < 0) return undefined;
  try {
    const prelude: unknown = JSON.parse(bytes.toString('utf8', 0, end));
    if (typeof prelude !== 'object' || prelude === null || Array.isArray(prelude)) return undefined;
    return { prelude: prelude as Record<string, unknown>, body: bytes.subarray(end + preludeDelimiter.length) };
  } catch {
    return undefined;
  }
}

/** Bytes that read as text: valid UTF-8 without control characters other than whitespace. */
function asText(bytes: Buffer): string | undefined {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
  return /[\u0000-\u0008\u000e-\u001f]/.test(text) ? undefined : text;
}

/**
 * The response as one readable document: a function URL response as JSON
 * (its prelude's fields and the body, base64 when it is not text, as Lambda
 * writes a buffered function URL response), text as it is, other bytes as
 * JSON with their base64. `json` says which the text is.
 */
export function streamedResponseView({ contentType, body }: StreamedResponse): { text: string; json: boolean } {
  const http = contentType === httpIntegrationContentType ? splitHttpIntegrationResponse(body) : undefined;
  if (http) {
    const text = asText(http.body);
    return { text: `${JSON.stringify({ ...http.prelude, body: text ?? http.body.toString('base64'), isBase64Encoded: text === undefined }, null, 2)}\n`, json: true };
  }
  const text = asText(body);
  if (text !== undefined) return { text, json: /[/+]json\b/.test(contentType) };
  return { text: `${JSON.stringify({ contentType, body: body.toString('base64'), isBase64Encoded: true }, null, 2)}\n`, json: true };
}
