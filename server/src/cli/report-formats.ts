import { encodingId } from './file-text';
import type { LineIndex } from '../document/line-index';
import type { Check } from '../language/check';
import type { Finding, Severity } from '../language/finding';

/** The findings of one checked file, with the path as the user gave it. */
export interface FileReport {
  readonly path: string;
  readonly lines: LineIndex;
  readonly findings: readonly Finding[];
}

/** 1-based line and column, as compilers and SARIF count them. */
function start(lines: LineIndex, offset: number): { line: number; column: number } {
  const p = lines.positionAt(offset);
  return { line: p.line + 1, column: p.character + 1 };
}

/** `file:line:col: severity id: message`, one line a finding, as compilers print. */
export function formatText(reports: readonly FileReport[]): string {
  const out: string[] = [];
  for (const { path, lines, findings } of reports) {
    for (const f of findings) {
      const { line, column } = start(lines, f.range.offset);
      out.push(`${path}:${line}:${column}: ${f.severity} ${f.id}: ${f.message}`);
    }
  }
  return out.length ? `${out.join('\n')}\n` : '';
}

export function formatJson(reports: readonly FileReport[]): string {
  const files = reports.map(({ path, lines, findings }) => ({
    file: path,
    findings: findings.map((f) => {
      const from = start(lines, f.range.offset);
      const to = start(lines, f.range.offset + f.range.length);
      return {
        id: f.id,
        severity: f.severity,
        message: f.message,
        line: from.line,
        column: from.column,
        endLine: to.line,
        endColumn: to.column,
        offset: f.range.offset,
        length: f.range.length,
        ...(f.docs ? { docs: f.docs } : {}),
        ...(f.fixes?.length ? { fixes: f.fixes } : {}),
      };
    }),
  }));
  return `${JSON.stringify(files, null, 2)}\n`;
}

const githubLevels: Readonly<Record<Severity, string>> = { error: 'error', warning: 'warning', info: 'notice' };

/** A workflow command's message: GitHub reads %, CR and LF as escapes there. */
const githubData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
/** A workflow command's property value: also , and :, which end or split properties. */
const githubProperty = (text: string) => githubData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

/**
 * GitHub Actions workflow commands (`::error file=…,line=…::message`), one a
 * finding: a workflow step running `check --format github` annotates the
 * pull request's lines, no code scanning set up.
 */
export function formatGithub(reports: readonly FileReport[]): string {
  const out: string[] = [];
  for (const { path, lines, findings } of reports) {
    for (const f of findings) {
      const from = start(lines, f.range.offset);
      const to = start(lines, f.range.offset + f.range.length);
      const properties = [`file=${githubProperty(path)}`, `line=${from.line}`, `col=${from.column}`, `endLine=${to.line}`, `endColumn=${to.column}`, `title=${githubProperty(f.id)}`];
      out.push(`::${githubLevels[f.severity]} ${properties.join(',')}::${githubData(f.docs ? `${f.message} (${f.docs})` : f.message)}`);
    }
  }
  return out.length ? `${out.join('\n')}\n` : '';
}

const sarifLevels: Readonly<Record<Severity, string>> = { error: 'error', warning: 'warning', info: 'note' };

/** SARIF 2.1.0, with every rule of the registry listed so viewers can show rules without results. */
export function formatSarif(reports: readonly FileReport[], checks: readonly Check[], tool: { name: string; version: string }): string {
  const ruleIndex = new Map(checks.map((c, i) => [c.id, i]));
  const rules: object[] = checks.map((c) => ({
    id: c.id,
    shortDescription: { text: c.title },
    helpUri: c.docs,
    defaultConfiguration: { level: sarifLevels[c.severity] },
  }));
  const results: object[] = [];
  for (const { path, lines, findings } of reports) {
    for (const f of findings) {
      const from = start(lines, f.range.offset);
      const to = start(lines, f.range.offset + f.range.length);
      let index = ruleIndex.get(f.id);
      if (index === undefined) {
        // Engine failures and file problems are not table rows; list them so every result has its rule.
        index = rules.length;
        ruleIndex.set(f.id, index);
        rules.push({ id: f.id, shortDescription: { text: f.id === encodingId ? 'The file is not valid UTF-8.' : 'A check failed while analysing the document.' }, ...(f.docs ? { helpUri: f.docs } : {}) });
      }
      results.push({
        ruleId: f.id,
        ruleIndex: index,
        level: sarifLevels[f.severity],
        message: { text: f.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: toUriReference(path) },
              region: { startLine: from.line, startColumn: from.column, endLine: to.line, endColumn: to.column },
            },
          },
        ],
      });
    }
  }
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: tool.name, version: tool.version, rules } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** The path as given, with `/` separators and the characters a URI reference cannot hold escaped. */
function toUriReference(path: string): string {
  return path.replace(/\\/g, '/').split('/').map((segment) => encodeURIComponent(segment).replace(/%3A/gi, ':')).join('/');
}
