import { format } from 'node:util';
import { formatLoggedError, intoError } from './errors';

/** Log levels of Lambda's Node.js runtime, lowest first. */
const levels = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL'] as const;
type Level = (typeof levels)[number];

let currentRequestId: string | undefined;
let currentTenantId: string | undefined;
let jsonFormat = false;

/** The request id printed on each log line (`undefined` during Init, as Lambda prints it), and the tenant JSON lines name. */
export function setRequestId(id: string | undefined, tenantId?: string): void {
  currentRequestId = id;
  currentTenantId = tenantId;
}

/**
 * Replaces console methods as Lambda's runtime does: each call becomes one line
 * `time\trequestId\tLEVEL\tmessage` (newlines inside become \r), or a JSON object
 * when AWS_LAMBDA_LOG_FORMAT is JSON; levels below AWS_LAMBDA_LOG_LEVEL are dropped.
 */
export function patchConsole(): void {
  const json = process.env['AWS_LAMBDA_LOG_FORMAT']?.toUpperCase() === 'JSON';
  jsonFormat = json;
  const minimum = Math.max(0, levels.indexOf((process.env['AWS_LAMBDA_LOG_LEVEL']?.toUpperCase() ?? 'TRACE') as Level));
  const write = (level: Level, params: unknown[]) => {
    const time = new Date().toISOString();
    const line = json ? jsonLine(time, level, params) : `${time}\t${currentRequestId}\t${level}\t${format(...params)}`;
    process.stdout.write(`${line.replace(/\n/g, '\r')}\n`);
  };
  const method = (level: Level) => (levels.indexOf(level) >= minimum ? (...params: unknown[]) => write(level, params) : () => {});
  const target = console as unknown as Record<string, unknown>;
  target['trace'] = method('TRACE');
  target['debug'] = method('DEBUG');
  target['info'] = method('INFO');
  target['log'] = target['info'];
  target['warn'] = method('WARN');
  target['error'] = method('ERROR');
  target['fatal'] = (...params: unknown[]) => write('FATAL', params);
}

/**
 * An error as Lambda's runtime logs it ("Invoke Error", "Uncaught Exception"):
 * the label and the error's JSON in the text format; in the JSON format the
 * error itself is the message (errorType, errorMessage, stackTrace).
 */
export function logError(label: string, error: unknown): void {
  const err = intoError(error);
  if (jsonFormat) console.error(err);
  else console.error(label, formatLoggedError(err));
}

function jsonLine(timestamp: string, level: Level, params: unknown[]): string {
  const entry: Record<string, unknown> = { timestamp, level, requestId: currentRequestId, ...(currentTenantId !== undefined ? { tenantId: currentTenantId } : {}) };
  const errorReplacer = (_key: string, value: unknown) =>
    value instanceof Error ? { errorType: value.constructor.name, errorMessage: value.message, stackTrace: value.stack?.split('\n'), ...value } : value;
  if (params.length === 1) {
    entry['message'] = params[0];
    try {
      return JSON.stringify(entry, errorReplacer);
    } catch {
      entry['message'] = format(params[0]);
      return JSON.stringify(entry);
    }
  }
  entry['message'] = format(...params);
  const error = params.find((p): p is Error => p instanceof Error);
  if (error) Object.assign(entry, { errorType: error.constructor.name, errorMessage: error.message, stackTrace: error.stack?.split('\n') ?? [] });
  return JSON.stringify(entry);
}
