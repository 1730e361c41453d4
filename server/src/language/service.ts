import type { DocumentFormat, SourceDocument } from '../document/model';
import { keepsSyntax } from '../document/edit-check';
import { restyleForYaml } from '../document/edits';
import { formatOfFileName, parseSourceDocument } from '../document/parse';
import { reparseJson } from '../document/json-reparse';
import { locate } from '../document/tree';
import { brokenObjects, inBrokenObject } from './broken-objects';
import { TimeBudget } from './time-budget';
import { isDocumentCheck, MissingDependency, type Check, type DocumentContext, type RegionContext, type Report } from './check';
import { classify, type Classification, type DocumentRegion } from './classify';
import type { LanguageDomain } from './domain';
import type { CompletionProposal, Finding, Fix, HoverResult, Severity, TextRange } from './finding';
import { documentChecks } from './checks';
import { defaultSettings, type AnalysisSettings } from './settings';

/** Id of the finding that stands in for a check or feature that threw: never silence. */
export const engineFailureId = 'internal.engine-failure';

/** Id of the one finding per document that says a dependency is missing (e.g. the IAM reference data) and which checks did not run. */
export const missingDependencyId = 'internal.missing-dependency';

/** One text parsed and classified, no check run: what hover, completion and refactorings need. */
export interface Reading {
  readonly document: SourceDocument;
  readonly classification: Classification;
  readonly fileName?: string | undefined;
}

/** The result of analysing one text: everything the faces need to show it. */
export interface Analysis extends Reading {
  readonly findings: readonly Finding[];
}

/** A quick fix together with the finding it repairs, if it repairs one. */
export interface CodeAction extends Fix {
  readonly finding?: Finding;
}

export interface LanguageServiceOptions {
  /** The domains plugged in (the composition root, server/src/workbench.ts, lists them). */
  readonly domains: readonly LanguageDomain[];
  /** Called once per failure of a check or feature, with where it happened; the faces log it. */
  readonly onFailure?: (where: string, error: unknown) => void;
  /** Milliseconds one analysis may take before its remaining checks are left out (the editor sets one; the CLI runs every check). */
  readonly timeBudgetMs?: number;
  /** The clock the budget reads. */
  readonly now?: () => number;
}

/** How one analysis may reuse and abandon work (the language server's analysis threads use both). */
export interface AnalyzeOptions {
  /**
   * The reading (or analysis) of the same document's previous version, which
   * the caller is done with: its tree is taken apart and reused for the parts
   * of the text that did not change (document/json-reparse.ts).
   */
  readonly previous?: Reading | undefined;
  /** Asked before each check: true abandons the analysis, which then throws AnalysisCancelled. */
  readonly cancelled?: (() => boolean) | undefined;
}

/** Thrown by `analyze` when its `cancelled` said so: a newer version of the document is waiting. */
export class AnalysisCancelled extends Error {
  constructor() {
    super('analysis cancelled: a newer version of the document is waiting');
    this.name = 'AnalysisCancelled';
  }
}

/** The facade every face uses: text in, plain data out. */
export interface LanguageService {
  readonly checks: readonly Check[];
  /** `format` defaults to what the file name says (`.yaml`/`.yml` are YAML, the rest JSON). */
  analyze(text: string, settings?: AnalysisSettings, fileName?: string, format?: DocumentFormat, options?: AnalyzeOptions): Analysis;
  /** Parses and classifies without running a check: cheap enough for hover and completion on any document. */
  read(text: string, fileName?: string, format?: DocumentFormat, options?: Pick<AnalyzeOptions, 'previous'>): Reading;
  hover(reading: Reading, offset: number): HoverResult | undefined;
  complete(reading: Reading, offset: number): readonly CompletionProposal[];
  codeActions(analysis: Analysis, range: TextRange): readonly CodeAction[];
}

const noReports: readonly Report[] = [];
const noFindings: readonly Finding[] = [];
const noChecks: readonly Check[] = [];

export function createLanguageService(options: LanguageServiceOptions): LanguageService {
  const { domains } = options;
  const checks: readonly Check[] = [...documentChecks, ...domains.flatMap((d) => d.checks)];
  const detectors = domains.map((d) => d.detect);
  // A check runs on the regions of its scope, whichever domain registered it (Lambda@Edge rules run on templates).
  const checksByScope = new Map<string, Check[]>();
  for (const check of checks) {
    if (!isDocumentCheck(check)) checksByScope.set(check.scope, [...(checksByScope.get(check.scope) ?? []), check]);
  }
  const onFailure = options.onFailure ?? (() => undefined);
  const now = options.now ?? (() => performance.now());
  const loggedMissing = new Set<string>();

  /** Logs a missing dependency once for the life of the service, not once per check or keystroke. */
  function logMissing(error: MissingDependency): void {
    if (loggedMissing.has(error.what)) return;
    loggedMissing.add(error.what);
    onFailure(error.what, error);
  }

  /** Runs a check, turning an exception into a visible finding instead of losing the others. */
  function runCheck(check: Check, context: DocumentContext, region: RegionContext | undefined, severity: Severity, missing: MissingChecks): readonly Finding[] {
    try {
      const made: Iterable<Report> = isDocumentCheck(check) ? check.run(context) : region ? check.run(region) : noReports;
      const reports: readonly Report[] = Array.isArray(made) ? made : [...made];
      // Most checks find nothing on most documents: no list is made for them (every keystroke runs them all).
      if (reports.length === 0) return noFindings;
      const findings: Finding[] = [];
      for (let i = 0; i < reports.length; i++) {
        const r = reports[i] as Report;
        findings.push({ id: check.id, severity, message: r.message, range: r.range, docs: check.docs, ...(r.fixes ? { fixes: r.fixes } : {}) });
      }
      return findings;
    } catch (error) {
      if (error instanceof MissingDependency) {
        logMissing(error);
        missing.record(error, check.id, region?.region.node.offset ?? 0);
        return [];
      }
      onFailure(`check ${check.id}`, error);
      return [
        {
          id: engineFailureId,
          severity: 'warning',
          message: `Check ${check.id} failed on this document (${describe(error)}); its findings are missing. Please report this.`,
          range: { offset: region?.region.node.offset ?? 0, length: 0 },
        },
      ];
    }
  }

  /** The text's tree and regions: re-read from the previous version's tree where the edit allows, parsed whole otherwise. */
  function read(text: string, format: DocumentFormat, previous: Reading | undefined): { document: SourceDocument; classification: Classification } {
    const reparsed = previous && format === 'json' ? reparseJson(previous.document, text) : undefined;
    if (reparsed) {
      const classification = classify(reparsed.document.root, detectors);
      // Domains keep what they read from a region by its node: a region on a node kept from the previous tree could be answered from before the edit.
      if (classification.regions.every((r) => reparsed.isNew(r.node))) return { document: reparsed.document, classification };
    }
    const document = parseSourceDocument(text, format);
    return { document, classification: classify(document.root, detectors) };
  }

  function analyze(text: string, settings: AnalysisSettings = defaultSettings, fileName?: string, format = formatOfFileName(fileName), how: AnalyzeOptions = {}): Analysis {
    const { document, classification } = read(text, format, how.previous);
    const context: DocumentContext = { document, classification, fileName };
    const findings: Finding[] = [];
    const missing = new MissingChecks();
    // A map of the few overrides: looking each of ~190 check ids up in the settings object cost more than some checks.
    const overrides = new Map(Object.entries(settings.severity));
    const severityOf = (check: Check) => overrides.get(check.id) ?? check.severity;
    const budget = new TimeBudget(options.timeBudgetMs, now);
    const cancelled = how.cancelled ?? (() => false);
    const mayRun = (check: Check): boolean => {
      if (cancelled()) throw new AnalysisCancelled();
      return budget.allows(check.id);
    };
    for (const check of documentChecks) {
      const severity = severityOf(check);
      if (severity !== 'off' && mayRun(check)) findings.push(...runCheck(check, context, undefined, severity, missing));
    }
    const broken = brokenObjects(document);
    for (const region of classification.regions) {
      // One context per region, shared by its checks (they may cache what they derive from it).
      const regionContext: RegionContext = { ...context, region };
      const scoped = checksByScope.get(region.kind) ?? noChecks;
      for (let c = 0; c < scoped.length; c++) {
        const check = scoped[c] as Check;
        const severity = severityOf(check);
        if (severity === 'off' || !mayRun(check)) continue;
        const found = runCheck(check, context, regionContext, severity, missing);
        for (let f = 0; f < found.length; f++) {
          const finding = found[f] as Finding;
          if (!broken.length || !inBrokenObject(broken, finding.range)) findings.push(finding);
        }
      }
    }
    findings.push(...missing.findings());
    const leftOut = budget.finding();
    if (leftOut) findings.push(leftOut);
    if (document.format === 'yaml') restyleFixes(document.text, findings);
    findings.sort((a, b) => a.range.offset - b.range.offset || a.id.localeCompare(b.id));
    return { document, classification, fileName, findings };
  }

  function domainOf(region: DocumentRegion): LanguageDomain | undefined {
    return domains.find((d) => d.kind === region.kind);
  }

  /** The innermost region containing the offset, with its domain. */
  function regionAt(analysis: Reading, offset: number): { region: DocumentRegion; domain: LanguageDomain } | undefined {
    let best: { region: DocumentRegion; domain: LanguageDomain } | undefined;
    for (const region of analysis.classification.regions) {
      const { offset: start, length } = region.node;
      const domain = domainOf(region);
      if (domain && offset >= start && offset <= start + length && (!best || start >= best.region.node.offset)) {
        best = { region, domain };
      }
    }
    return best;
  }

  function guarded<T>(where: string, fallback: T, run: () => T): T {
    try {
      return run();
    } catch (error) {
      if (error instanceof MissingDependency) logMissing(error);
      else onFailure(where, error);
      return fallback;
    }
  }

  function cursor(analysis: Reading, region: DocumentRegion, offset: number) {
    const at = locate(analysis.document.root, offset);
    return { document: analysis.document, classification: analysis.classification, fileName: analysis.fileName, region, offset, node: at?.node, path: at?.path ?? [] };
  }

  return {
    checks,
    analyze,
    read(text, fileName, format = formatOfFileName(fileName), how = {}) {
      return { ...read(text, format, how.previous), fileName };
    },
    hover(analysis, offset) {
      const found = regionAt(analysis, offset);
      const hover = found?.domain.hover;
      if (!found || !hover) return undefined;
      return guarded(`hover (${found.region.kind})`, undefined, () => hover(cursor(analysis, found.region, offset)));
    },
    complete(analysis, offset) {
      const found = regionAt(analysis, offset);
      const complete = found?.domain.complete;
      if (!found || !complete) return [];
      const proposals = guarded(`completion (${found.region.kind})`, [], () => complete(cursor(analysis, found.region, offset)));
      if (analysis.document.format !== 'yaml') return proposals;
      const { text } = analysis.document;
      return proposals.map((p) => {
        const edit = restyleForYaml(text, p.edit);
        const filterText = p.filterText !== undefined ? restyleForYaml(text, { ...p.edit, newText: p.filterText }).newText : undefined;
        return { ...p, edit, ...(filterText !== undefined ? { filterText } : {}) };
      });
    },
    codeActions(analysis, range) {
      const actions: CodeAction[] = [];
      for (const finding of analysis.findings) {
        if (overlaps(finding.range, range)) actions.push(...applicableFixes(analysis.document, finding.fixes ?? []).map((fix) => ({ ...fix, finding })));
      }
      const found = regionAt(analysis, range.offset);
      const assists = found?.domain.assists;
      if (found && assists) {
        const context = { document: analysis.document, classification: analysis.classification, fileName: analysis.fileName, region: found.region, range };
        actions.push(...applicableFixes(analysis.document, guarded(`assists (${found.region.kind})`, [], () => assists(context))));
      }
      return actions;
    },
  };
}

/** Fixes written as JSON, re-styled in place for the YAML they edit (see restyleForYaml). */
function restyleFixes(text: string, findings: Finding[]): void {
  for (let i = 0; i < findings.length; i++) {
    const finding = findings[i];
    if (!finding?.fixes) continue;
    findings[i] = { ...finding, fixes: finding.fixes.map((fix) => ({ ...fix, edits: fix.edits.map((edit) => restyleForYaml(text, edit)) })) };
  }
}

/** The fixes that keep the document parseable (JSON-shaped edits can break YAML). */
export function applicableFixes(document: SourceDocument, fixes: readonly Fix[]): readonly Fix[] {
  return fixes.filter((fix) => keepsSyntax(document, fix.edits));
}

function overlaps(a: TextRange, b: TextRange): boolean {
  return a.offset <= b.offset + b.length && b.offset <= a.offset + a.length;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The checks of one analysis that could not run for want of a dependency, grouped by dependency. */
class MissingChecks {
  private readonly byWhat = new Map<string, { error: MissingDependency; offset: number; checks: string[] }>();

  record(error: MissingDependency, checkId: string, offset: number): void {
    const entry = this.byWhat.get(error.what);
    if (entry) entry.checks.push(checkId);
    else this.byWhat.set(error.what, { error, offset, checks: [checkId] });
  }

  /** One finding per dependency, where it was first needed. An error: a clean result would be a lie (CI must not pass on it). */
  findings(): Finding[] {
    return [...this.byWhat.values()].map(({ error, offset, checks }) => ({
      id: missingDependencyId,
      severity: 'error',
      message: `${error.message} ${checks.length} check${checks.length === 1 ? '' : 's'} did not run on this document (${checks.slice(0, 3).join(', ')}${checks.length > 3 ? ', ...' : ''}).`,
      range: { offset, length: 0 },
    }));
  }
}
