import {
  CodeActionKind,
  CompletionItemKind,
  DiagnosticSeverity,
  InsertTextFormat,
  type CodeAction,
  type CompletionItem,
  type Diagnostic,
  type Hover,
  type Range,
  type TextEdit,
} from 'vscode-languageserver';
import type { LineIndex } from '../document/line-index';
import type { CompletionKind, CompletionProposal, Finding, HoverResult, Severity, TextRange } from '../language/finding';
import type { CodeAction as EngineCodeAction } from '../language/service';
import { diagnosticSource } from './protocol';

/** What turns offsets into positions: a document's LineIndex, or the open TextDocument itself (which keeps its own line offsets). */
export type Positions = Pick<LineIndex, 'positionAt'>;

/** Offsets become line/character positions here, once, at the edge. */
export function toRange(lines: Positions, range: TextRange): Range {
  return { start: lines.positionAt(range.offset), end: lines.positionAt(range.offset + range.length) };
}

export function fromRange(lines: LineIndex, range: Range): TextRange {
  const start = lines.offsetAt(range.start);
  return { offset: start, length: Math.max(0, lines.offsetAt(range.end) - start) };
}

const severities: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function toDiagnostic(lines: Positions, finding: Finding): Diagnostic {
  return {
    range: toRange(lines, finding.range),
    severity: severities[finding.severity],
    code: finding.id,
    ...(finding.docs ? { codeDescription: { href: finding.docs } } : {}),
    source: diagnosticSource,
    message: finding.message,
  };
}

export function toHover(lines: LineIndex, hover: HoverResult): Hover {
  return { contents: { kind: 'markdown', value: hover.markdown }, range: toRange(lines, hover.range) };
}

const completionKinds: Readonly<Record<CompletionKind, CompletionItemKind>> = {
  value: CompletionItemKind.Value,
  property: CompletionItemKind.Property,
  keyword: CompletionItemKind.Keyword,
  function: CompletionItemKind.Function,
  module: CompletionItemKind.Module,
  constant: CompletionItemKind.Constant,
  snippet: CompletionItemKind.Snippet,
};

export function toCompletionItem(lines: LineIndex, proposal: CompletionProposal): CompletionItem {
  return {
    label: proposal.label,
    kind: completionKinds[proposal.kind],
    ...(proposal.detail !== undefined ? { detail: proposal.detail } : {}),
    ...(proposal.documentation !== undefined ? { documentation: { kind: 'markdown', value: proposal.documentation } } : {}),
    ...(proposal.sortText !== undefined ? { sortText: proposal.sortText } : {}),
    ...(proposal.filterText !== undefined ? { filterText: proposal.filterText } : {}),
    ...(proposal.snippet ? { insertTextFormat: InsertTextFormat.Snippet } : {}),
    textEdit: { range: toRange(lines, proposal.edit), newText: proposal.edit.newText },
  };
}

export function toCodeAction(lines: LineIndex, uri: string, action: EngineCodeAction): CodeAction {
  const edits: TextEdit[] = action.edits.map((e) => ({ range: toRange(lines, e), newText: e.newText }));
  return {
    title: action.title,
    kind: action.finding ? CodeActionKind.QuickFix : CodeActionKind.RefactorRewrite,
    ...(action.finding ? { diagnostics: [toDiagnostic(lines, action.finding)] } : {}),
    ...(action.preferred ? { isPreferred: true } : {}),
    edit: { changes: { [uri]: edits } },
  };
}
