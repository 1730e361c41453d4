import type { HeaderLine } from '../routing/request';
import { badGateway, maxResponseBytes, type TargetAnswer } from './limits';

/** What the runtime says about one invoke (the runtime's `InvokeResult` has this shape). */
export interface InvokeOutcome {
  /** `success`: the handler's result; `function-error`: it failed or timed out; `rejected`: Lambda refused the invoke. */
  readonly status: 'success' | 'function-error' | 'rejected';
  /** The result's JSON, or the error's. */
  readonly payload: string;
  readonly errorType?: string;
  readonly timedOut: boolean;
}

/**
 * The client's answer after ALB invoked a Lambda target: the function's
 * result converted as ALB converts it, or ALB's 502 naming why (the function
 * failed or timed out, or its result is not a response ALB can send).
 */
export function answerFromInvoke(outcome: InvokeOutcome, multiValueHeaders: boolean): TargetAnswer {
  if (outcome.status === 'success') return answerFromResult(outcome.payload, multiValueHeaders);
  const error = errorOf(outcome.payload);
  const what = `${outcome.errorType ?? error.type ?? 'Error'}${error.message ? `: ${error.message}` : ''}`;
  if (outcome.status === 'rejected') return badGateway('LambdaThrottling', `Lambda refused the invoke (${what})`);
  if (outcome.timedOut) return badGateway('LambdaUnhandled', `the function did not respond before its timeout (${what})`);
  return badGateway('LambdaUnhandled', `the function failed with ${what}`);
}

/**
 * Converts a function's result (its JSON text) into the HTTP response, or a
 * 502 for a result ALB cannot send: over 1 MB, not an object, `statusCode`
 * missing or not a number, `statusDescription`, `body` or a header value not
 * a string, `isBase64Encoded` not a boolean, a field set to null, a base64
 * body that does not decode. Of `headers` and `multiValueHeaders`, ALB reads
 * the one the target group's setting names and ignores the other.
 */
export function answerFromResult(payload: string, multiValueHeaders: boolean): TargetAnswer {
  const size = Buffer.byteLength(payload, 'utf8');
  if (size > maxResponseBytes) {
    return badGateway('LambdaResponseTooLarge', `the response is ${size.toLocaleString('en-US')} bytes of JSON; ALB takes at most ${maxResponseBytes.toLocaleString('en-US')} (1 MB)`);
  }
  let result: unknown;
  try {
    result = JSON.parse(payload);
  } catch {
    return badGateway('LambdaInvalidResponse', 'the result is not JSON');
  }
  if (typeof result !== 'object' || result === null || Array.isArray(result)) {
    return badGateway('LambdaInvalidResponse', `the result is ${describe(result)}, not an object with a statusCode`);
  }
  const fields = result as Record<string, unknown>;
  const invalid = (message: string) => badGateway('LambdaInvalidResponse', message);

  const status = fields['statusCode'];
  if (status === undefined) return invalid('statusCode is missing');
  if (typeof status !== 'number') return invalid(`statusCode is ${describe(status)}, not a number`);
  if (!Number.isInteger(status) || status < 100 || status > 599) return invalid(`statusCode ${status} is not an HTTP status code (a whole number from 100 to 599)`);
  for (const key of ['statusDescription', 'body'] as const) {
    const value = fields[key];
    if (value !== undefined && typeof value !== 'string') return invalid(`${key} is ${describe(value)}, not a string`);
  }
  const encoded = fields['isBase64Encoded'];
  if (encoded !== undefined && typeof encoded !== 'boolean') return invalid(`isBase64Encoded is ${describe(encoded)}, not true or false`);

  const notes: string[] = [];
  const used = multiValueHeaders ? 'multiValueHeaders' : 'headers';
  const ignored = multiValueHeaders ? 'headers' : 'multiValueHeaders';
  if (fields[ignored] !== undefined) {
    notes.push(`ALB ignored ${ignored}: multi-value headers are ${multiValueHeaders ? 'on' : 'off'} for this target group, so it reads only ${used}.`);
  }
  const read = multiValueHeaders ? multiValueLines(fields[used]) : singleValueLines(fields[used]);
  if ('problem' in read) return invalid(read.problem);

  const text = (fields['body'] as string | undefined) ?? '';
  let bytes: Buffer;
  if (encoded === true) {
    if (!isBase64(text)) return invalid('body is not valid base64, yet isBase64Encoded is true');
    bytes = Buffer.from(text, 'base64');
  } else {
    bytes = Buffer.from(text, 'utf8');
  }
  const headers = clientHeaders(read.lines, bytes.length, notes);
  const contentType = headers.find((h) => h.name.toLowerCase() === 'content-type')?.value;
  const binary = encoded === true && !(readableAsText(contentType) && isUtf8(bytes));
  const description = fields['statusDescription'] as string | undefined;
  return {
    response: {
      status,
      reason: description === undefined ? undefined : description.replace(new RegExp(`^${status} `), ''),
      headers,
      body: binary ? '' : bytes.toString('utf8'),
      bodyBase64: bytes.toString('base64'),
      bodyLength: bytes.length,
      binary,
    },
    failure: undefined,
    notes,
  };
}

/** Hop-by-hop headers, which ALB does not pass on. */
const hopByHop = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade']);

/** The function's headers as the client gets them: hop-by-hop ones dropped, Content-Length computed, a missing Content-Type filled in. */
function clientHeaders(lines: readonly HeaderLine[], bodyLength: number, notes: string[]): HeaderLine[] {
  const headers: HeaderLine[] = [];
  for (const line of lines) {
    const name = line.name.toLowerCase();
    if (hopByHop.has(name)) notes.push(`ALB dropped the hop-by-hop header ${line.name}.`);
    else if (name === 'content-length') {
      if (line.value.trim() !== String(bodyLength)) notes.push(`ALB replaced Content-Length: ${line.value} with the body's length, ${bodyLength}.`);
    } else headers.push(line);
  }
  if (bodyLength > 0 && !headers.some((h) => h.name.toLowerCase() === 'content-type')) {
    headers.push({ name: 'Content-Type', value: 'application/octet-stream' });
    notes.push('The function gave no Content-Type, so ALB sent application/octet-stream.');
  }
  headers.push({ name: 'Content-Length', value: String(bodyLength) });
  return headers;
}

function singleValueLines(value: unknown): { lines: HeaderLine[] } | { problem: string } {
  if (value === undefined) return { lines: [] };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { problem: `headers is ${describe(value)}, not an object` };
  const lines: HeaderLine[] = [];
  for (const [name, v] of Object.entries(value)) {
    if (typeof v !== 'string') {
      const hint = Array.isArray(v) ? ' (a list of values needs multi-value headers on the target group, and multiValueHeaders)' : '';
      return { problem: `headers[${JSON.stringify(name)}] is ${describe(v)}, not a string${hint}` };
    }
    lines.push({ name, value: v });
  }
  return { lines };
}

function multiValueLines(value: unknown): { lines: HeaderLine[] } | { problem: string } {
  if (value === undefined) return { lines: [] };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { problem: `multiValueHeaders is ${describe(value)}, not an object` };
  const lines: HeaderLine[] = [];
  for (const [name, values] of Object.entries(value)) {
    if (!Array.isArray(values)) return { problem: `multiValueHeaders[${JSON.stringify(name)}] is ${describe(values)}, not a list of strings` };
    for (const [i, v] of values.entries()) {
      if (typeof v !== 'string') return { problem: `multiValueHeaders[${JSON.stringify(name)}][${i}] is ${describe(v)}, not a string` };
      lines.push({ name, value: v });
    }
  }
  return { lines };
}

/** A JSON value in words: `the string "200"`, `null`, `the number 3`, `an object`. */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
    case 'number':
    case 'boolean':
      return `the ${typeof value} ${String(value)}`;
    default:
      return 'an object';
  }
}

function isBase64(text: string): boolean {
  return text.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(text);
}

function readableAsText(contentType: string | undefined): boolean {
  const media = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  return media.startsWith('text/') || /^application\/(json|javascript|xml|[\w.-]+\+(json|xml))$/.test(media);
}

function isUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function errorOf(payload: string): { type: string | undefined; message: string } {
  try {
    const parsed = JSON.parse(payload) as { errorType?: unknown; errorMessage?: unknown } | null;
    return {
      type: typeof parsed?.errorType === 'string' ? parsed.errorType : undefined,
      message: typeof parsed?.errorMessage === 'string' ? parsed.errorMessage.split('\n')[0] ?? '' : '',
    };
  } catch {
    return { type: undefined, message: payload.slice(0, 200) };
  }
}
