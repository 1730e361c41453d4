import { readFileSync } from 'node:fs';
import { version } from '../../../package.json';
import { applicableFixes } from '../language/service';
import { createWorkbenchService } from '../workbench';
import type { SeveritySetting } from '../language/settings';
import { parseSettings } from '../language/settings';
import { parseArgs, single, UsageError } from './args';
import { exitCodes, type CliCommand } from './command';
import { expandPaths, reasonOf } from './files';
import { formatJson, formatSarif, formatText, type FileReport } from './report-formats';

const formats = ['text', 'json', 'sarif'] as const;
type Format = (typeof formats)[number];

export const checkCommand: CliCommand = {
  name: 'check',
  synopsis: 'check [--format text|json|sarif] [--severity ID=LEVEL]... FILE|FOLDER...',
  summary: 'Check IAM policies, Lambda@Edge events, ALB rule configs and templates, as the editor does',
  help: `Usage: lambda-workbench check [options] FILE|FOLDER...

Runs the same analysis as the language server on each file: JSON, and YAML
for .yaml/.yml files (SAM/CloudFormation templates, serverless.yml). Folders
are searched for .json files and YAML templates (template.yaml|yml,
*.template.yaml|yml, serverless.yml); node_modules, .git and build output
are skipped.

Options:
  --format text|json|sarif   Output format (default: text). text prints
                             file:line:col: severity id: message
  --severity ID=LEVEL        Override a check's severity: error, warning,
                             info or off. Repeatable.
  --quiet                    Print errors only.

Exit status: 0 no errors, 1 at least one error-severity finding,
2 bad usage or an unreadable file.`,
  async run(argv, io) {
    const args = parseArgs(argv, { values: ['format', 'severity'], flags: ['quiet'] });
    const format = (single(args, 'format') ?? 'text') as Format;
    if (!formats.includes(format)) throw new UsageError(`--format must be one of ${formats.join(', ')} (got "${format}")`);
    if (args.positionals.length === 0) throw new UsageError('check needs at least one FILE or FOLDER');
    const { settings, problems } = parseSettings({ severity: severityOverrides(args.options.get('severity') ?? []) });
    if (problems.length) throw new UsageError(problems.join('; '));

    const service = createWorkbenchService({
      onFailure: (where, error) => io.stderr(`lambda-workbench: ${where} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`),
    });
    const knownIds = new Set(service.checks.map((c) => c.id));
    const unknown = Object.keys(settings.severity).filter((id) => !knownIds.has(id));
    if (unknown.length) throw new UsageError(`unknown check id ${unknown.map((id) => `"${id}"`).join(', ')} in --severity`);

    const { files, unreadable } = expandPaths(args.positionals);
    const reports: FileReport[] = [];
    for (const path of files) {
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch (error) {
        unreadable.push({ path, reason: reasonOf(error) });
        continue;
      }
      const analysis = service.analyze(stripByteOrderMark(text), settings, path);
      const shown = args.flags.has('quiet') ? analysis.findings.filter((f) => f.severity === 'error') : analysis.findings;
      // Fixes are printed in JSON and SARIF: only those that keep a YAML file parseable.
      const findings = format === 'text' || analysis.document.format === 'json' ? shown : shown.map((f) => (f.fixes ? { ...f, fixes: applicableFixes(analysis.document, f.fixes) } : f));
      reports.push({ path, lines: analysis.document.lines, findings });
    }
    for (const { path, reason } of unreadable) io.stderr(`lambda-workbench: ${path}: ${reason}\n`);

    if (format === 'text') io.stdout(formatText(reports));
    else if (format === 'json') io.stdout(formatJson(reports));
    else io.stdout(formatSarif(reports, service.checks, { name: 'lambda-workbench', version }));

    const all = reports.flatMap((r) => r.findings);
    const errors = all.filter((f) => f.severity === 'error').length;
    if (format === 'text') io.stderr(`${summary(errors, all.length - errors, reports.length)}\n`);
    if (unreadable.length) return exitCodes.usage;
    return errors > 0 ? exitCodes.findings : exitCodes.ok;
  },
};

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

/** Editors on Windows save a BOM; offsets must stay those of the text after it, as editors show. */
function stripByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function summary(errors: number, others: number, files: number): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(errors, 'error')}, ${plural(others, 'other finding')} in ${plural(files, 'file')}`;
}
