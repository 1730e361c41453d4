import type { Severity } from './finding';

export type SeveritySetting = Severity | 'off';

/** Settings the language service honours, per document. */
export interface AnalysisSettings {
  /** Per-check severity overrides by id. */
  readonly severity: Readonly<Record<string, SeveritySetting>>;
}

export const defaultSettings: AnalysisSettings = { severity: {} };

const severityValues: ReadonlySet<string> = new Set(['error', 'warning', 'info', 'off']);

/**
 * Turns raw configuration (from VS Code, a CLI flag or a file) into settings.
 * Unknown values are reported, not silently dropped, so a typo in a setting is visible.
 */
export function parseSettings(raw: unknown): { settings: AnalysisSettings; problems: string[] } {
  const problems: string[] = [];
  const severity: Record<string, SeveritySetting> = {};
  const source = isRecord(raw) ? raw['severity'] : undefined;
  if (source !== undefined && !isRecord(source)) {
    problems.push('severity overrides must be an object mapping check ids to error, warning, info or off');
  } else if (source) {
    for (const [id, value] of Object.entries(source)) {
      if (typeof value === 'string' && severityValues.has(value)) severity[id] = value as SeveritySetting;
      else problems.push(`severity of "${id}" must be one of error, warning, info, off (got ${JSON.stringify(value)})`);
    }
  }
  return { settings: { severity }, problems };
}

/** The ids of severity overrides that name no check (a typo, or a check since renamed). */
export function unknownCheckIds(settings: AnalysisSettings, knownIds: ReadonlySet<string>): string[] {
  return Object.keys(settings.severity).filter((id) => !knownIds.has(id));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
