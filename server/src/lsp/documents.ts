import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentFormat } from '../document/model';
import type { Analysis, LanguageService } from '../language/service';
import type { AnalysisSettings } from '../language/settings';

/**
 * Analyses per open document, computed once per version and settings, so
 * diagnostics, hovers, completions and code actions share one parse.
 */
export class AnalysisCache {
  private readonly entries = new Map<string, { version: number; settings: AnalysisSettings; analysis: Analysis }>();

  constructor(private readonly service: LanguageService) {}

  get(document: TextDocument, settings: AnalysisSettings): Analysis {
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version && cached.settings === settings) return cached.analysis;
    const analysis = this.service.analyze(document.getText(), settings, document.uri, formatOf(document));
    this.entries.set(document.uri, { version: document.version, settings, analysis });
    return analysis;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }
}

/** The format an open document is read in: its language, so an untitled YAML document is YAML too. */
export function formatOf(document: TextDocument): DocumentFormat {
  return document.languageId === 'yaml' ? 'yaml' : 'json';
}
