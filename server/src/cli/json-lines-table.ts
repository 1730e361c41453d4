import { exitCodes, type CommandIO } from './command';
import { readText } from './files';

/** A line of a request table as its engine reads it: a request, or why the line is none. */
type TableLine = { readonly kind: 'request'; readonly line: number } | { readonly kind: 'problem'; readonly line: number; readonly message: string };

/**
 * Runs a JSON Lines request table (`alb --requests`, `iam simulate
 * --requests`): each line that is no request printed as FILE:LINE on stderr,
 * each request handed to `answer`, which prints its answer and says whether
 * the line failed; then one summary line, and exit status 1 when any failed.
 */
export function runJsonLinesTable<L extends TableLine>(
  file: string,
  io: CommandIO,
  read: (text: string) => readonly L[],
  verb: string,
  answer: (line: Extract<L, { kind: 'request' }>) => boolean,
): number {
  const text = readText(file, io);
  if (text === undefined) return exitCodes.usage;
  let failures = 0;
  let requests = 0;
  for (const line of read(text)) {
    if (line.kind === 'problem') {
      io.stderr(`${file}:${line.line}: error: ${(line as Extract<TableLine, { kind: 'problem' }>).message}\n`);
      failures++;
      continue;
    }
    requests++;
    if (!answer(line as Extract<L, { kind: 'request' }>)) failures++;
  }
  io.stderr(`${requests} request(s) ${verb}; ${failures === 0 ? 'every expectation met' : `${failures} line(s) failed`}\n`);
  return failures ? exitCodes.findings : exitCodes.ok;
}
