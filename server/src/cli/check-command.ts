import { readFileSync } from 'node:fs';
import { version } from '../../../package.json';
import { MissingDependency, type Check } from '../language/check';
import { applicableFixes } from '../language/service';
import { createWorkbenchService } from '../workbench';
import { parseSettings, type SeveritySetting, unknownCheckIds } from '../language/settings';
import { parseArgs, single, UsageError } from './args';
import { exitCodes, type CliCommand } from './command';
import { fileText, withEncoding, type FileText } from './file-text';
import { expandPaths, reasonOf } from './files';
import { formatGithub, formatJson, formatSarif, formatText, type FileReport } from './report-formats';

const formats = ['text', 'json', 'sarif', 'github'] as const;
type Format = (typeof formats)[number];

export const checkCommand: CliCommand = {
  name: 'check',
  synopsis: 'check [--format text|json|sarif|github] [--severity ID=LEVEL]... [FILE|FOLDER...]',
  summary: 'Check IAM policies, Lambda@Edge events, ALB rule configs and templates, as the editor does',
  help: `Usage: lambda-workbench check [options] [FILE|FOLDER...]

Runs the same analysis as the language server on each file: JSON, and YAML
for .yaml/.yml files (SAM/CloudFormation templates, serverless.yml). Folders
are searched for .json files and YAML templates (template.yaml|yml,
*.template.yaml|yml, serverless.yml); node_modules, .git and build output
are skipped. Without FILE or FOLDER, the current folder is checked.

Options:
  --format text|json|sarif|github
                             Output format (default: text). text prints
                             file:line:col: severity id: message; github
                             prints GitHub Actions workflow commands, which
                             annotate a pull request's lines.
  --severity ID=LEVEL        Override a check's severity: error, warning,
                             info or off. Repeatable.
  --quiet                    Print errors only.

Exit status: 0 no errors, 1 at least one error-severity finding,
2 bad usage, an unreadable file or one that is neither JSON nor YAML,
70 an internal error on a file (named on stderr; the other files are
still checked and reported).`,
  async run(argv, io) {
    const args = parseArgs(argv, { values: ['format', 'severity'], flags: ['quiet'] });
    const format = (single(args, 'format') ?? 'text') as Format;
    if (!formats.includes(format)) throw new UsageError(`--format must be one of ${formats.join(', ')} (got "${format}")`);
    const { settings, problems } = parseSettings({ severity: severityOverrides(args.options.get('severity') ?? []) });
    if (problems.length) throw new UsageError(problems.join('; '));

    let current = '';
    let stackShown = false;
    const failed = new Set<string>();
    const service = createWorkbenchService({
      // Names the file; the first stack is enough to report the bug, the others would bury the results.
      onFailure: (where, error) => {
        const detail = error instanceof Error ? (!stackShown && error.stack ? error.stack : error.message) : String(error);
        stackShown ||= error instanceof Error;
        // A missing dependency is logged once for the run and is an error finding of its own (exit 1), not a failure of ours.
        if (error instanceof MissingDependency) return io.stderr(`lambda-workbench: ${where} failed: ${detail}\n`);
        failed.add(current);
        io.stderr(`lambda-workbench: ${current}: ${where} failed: ${detail}\n`);
      },
    });
    const unknown = unknownCheckIds(settings, new Set(service.checks.map((c) => c.id)));
    if (unknown.length) throw new UsageError(`unknown check id ${unknown.map((id) => `"${id}"`).join(', ')} in --severity`);

    const printsFixes = format === 'json' || format === 'sarif';
    const { files, unreadable } = expandPaths(args.positionals.length ? args.positionals : ['.']);
    const reports: FileReport[] = [];
    for (const path of files) {
      current = path;
      let read: FileText;
      try {
        read = fileText(path, readFileSync(path));
      } catch (error) {
        unreadable.push({ path, reason: reasonOf(error) });
        continue;
      }
      if ('notChecked' in read) {
        unreadable.push({ path, reason: read.notChecked });
        continue;
      }
      try {
        const analysis = service.analyze(read.text, settings, path);
        const all = withEncoding(read.encoding, read.text, analysis.findings);
        const shown = args.flags.has('quiet') ? all.filter((f) => f.severity === 'error') : all;
        // Fixes are printed in JSON and SARIF: only those that keep a YAML file parseable.
        const findings = !printsFixes || analysis.document.format === 'json' ? shown : shown.map((f) => (f.fixes ? { ...f, fixes: applicableFixes(analysis.document, f.fixes) } : f));
        reports.push({ path, lines: analysis.document.lines, findings });
      } catch (error) {
        // One file's internal error must not hide the others' results: named, and the run goes on.
        io.stderr(`lambda-workbench: ${path}: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
        failed.add(path);
      }
    }
    for (const { path, reason } of unreadable) io.stderr(`lambda-workbench: ${path}: ${reason}\n`);

    io.stdout(formatted(format, reports, service.checks));

    const all = reports.flatMap((r) => r.findings);
    const errors = all.filter((f) => f.severity === 'error').length;
    if (format === 'text' || format === 'github') io.stderr(`${summary(errors, all.length - errors, reports.length)}\n`);
    if (failed.size) return exitCodes.internal;
    if (unreadable.length) return exitCodes.usage;
    return errors > 0 ? exitCodes.findings : exitCodes.ok;
  },
};

function formatted(format: Format, reports: readonly FileReport[], checks: readonly Check[]): string {
  switch (format) {
    case 'text':
      return formatText(reports);
    case 'json':
      return formatJson(reports);
    case 'sarif':
      return formatSarif(reports, checks, { name: 'lambda-workbench', version });
    case 'github':
      return formatGithub(reports);
    default: {
      const unknown: never = format;
      throw new Error(`unknown format ${String(unknown)}`);
    }
  }
}

/** `ID=LEVEL` pairs into the settings' shape; parseSettings validates the levels. */
function severityOverrides(pairs: readonly string[]): Record<string, SeveritySetting | string> {
  const out: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.lastIndexOf('=');
    if (eq <= 0) throw new UsageError(`--severity takes ID=LEVEL (got "${pair}")`);
    out[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return out;
}

function summary(errors: number, others: number, files: number): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(errors, 'error')}, ${plural(others, 'other finding')} in ${plural(files, 'file')}`;
}
