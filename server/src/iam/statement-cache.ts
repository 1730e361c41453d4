import type { Report } from '../language/check';
import type { Policy, Statement } from './policy';

/**
 * Reports of statement-local checks, kept by statement text: a check whose
 * reports on a statement depend only on that statement's text (and the
 * policy's type) runs only on the statements that changed since the last
 * analysis; the others' reports are reused, moved to where the statement is now.
 */

/** One check's reports on one statement text, with the offset the statement had when they were made. */
interface Made {
  readonly offset: number;
  readonly reports: readonly Report[];
}

/** No reports: shared by every statement and check without any (most of them), wherever the statement is. */
const nothing: Made = { offset: 0, reports: [] };

/** Everything known about one statement text: by the check's slot (`perStatementSlot`). */
type Entry = Array<Made | undefined>;

let slots = 0;

/** A number for a per-statement check: entries are arrays indexed by it (read 5,000 times per check in a large policy). */
export function perStatementSlot(): number {
  return slots++;
}

const entries = new Map<string, Entry>();
/** Bounded: a day of typing in large policies must not grow the server without limit. */
const maxEntries = 50_000;
interface Entries {
  readonly entries: readonly Entry[];
  readonly allNew: boolean;
}

const entriesByPolicy = new WeakMap<Policy, Entries>();

/** Runs a statement-local check on the statements whose reports are not known yet, and reuses the rest. */
export function runPerStatement(slot: number, policy: Policy, run: (view: Policy) => readonly Report[]): readonly Report[] {
  // A policy kept as a JSON string maps offsets through its escapes: moved reports would need remapping. Run it whole.
  if (policy.inner) return run(policy);
  const { entries: known, allNew } = entriesOf(policy);
  // A document seen for the first time is analysed as it would be without reuse: keeping its reports would slow
  // the first diagnostics, and most documents are opened, not edited. Its statements are known from now on: the
  // next analysis keeps their reports, the ones after reuse them.
  if (allNew) return run(policy);
  const statements = policy.statements;
  const out: Report[] = [];
  const missing: number[] = [];
  for (let i = 0; i < statements.length; i++) {
    const made = (known[i] as Entry)[slot];
    if (!made) missing.push(i);
    else if (made.reports.length) {
      const delta = (statements[i] as Statement).node.offset - made.offset;
      for (const report of made.reports) out.push(delta === 0 ? report : moved(report, delta));
    }
  }
  if (missing.length === 0) return out;
  // A first analysis misses every statement: the policy itself, not a copy, so the checks share what they memoize.
  const misses = missing.length === statements.length ? statements : missing.map((i) => statements[i] as Statement);
  const fresh = run(misses === statements ? policy : viewOf(policy, missing, misses));
  // Sparse: most statements have no reports, and a first analysis must not allocate a list per statement and check.
  const byStatement = new Map<number, Report[]>();
  const uncacheable = new Set<number>();
  for (const report of fresh) {
    out.push(report);
    const at = statementAt(misses, report.range.offset);
    if (at < 0) continue;
    if (!inside(report, (misses[at] as Statement).node)) uncacheable.add(at);
    else {
      const list = byStatement.get(at);
      if (list) list.push(report);
      else byStatement.set(at, [report]);
    }
  }
  for (let k = 0; k < misses.length; k++) {
    if (uncacheable.has(k)) continue;
    const reports = byStatement.get(k);
    (known[missing[k] as number] as Entry)[slot] = reports ? { offset: (misses[k] as Statement).node.offset, reports } : nothing;
  }
  return out;
}

const views = new WeakMap<Policy, Map<string, Policy>>();

/**
 * The policy with only the given statements, one per set of statements and
 * analysis: the checks share it, and with it what they derive and memoize
 * from it (conditionsOf, resourceArns), as they share the whole policy.
 */
function viewOf(policy: Policy, indices: readonly number[], statements: readonly Statement[]): Policy {
  let byKey = views.get(policy);
  if (!byKey) views.set(policy, (byKey = new Map()));
  const key = indices.join(',');
  let view = byKey.get(key);
  if (!view) byKey.set(key, (view = { ...policy, statements }));
  return view;
}

/** Forgets every statement's reports (the reference data changed, or a test wants a cold start). */
export function forgetStatementReports(): void {
  entries.clear();
}

/** The entry of each statement of the policy (by its text and the policy's type), made once per analysis; allNew when none was known. */
function entriesOf(policy: Policy): Entries {
  const cached = entriesByPolicy.get(policy);
  if (cached) return cached;
  if (entries.size > maxEntries) entries.clear();
  const context = `${policy.type.type}\n`;
  let allNew = true;
  const made = policy.statements.map(({ node }) => {
    const key = context + policy.text.slice(node.offset, node.offset + node.length);
    let entry = entries.get(key);
    if (entry) allNew = false;
    else entries.set(key, (entry = []));
    return entry;
  });
  const result = { entries: made, allNew };
  entriesByPolicy.set(policy, result);
  return result;
}

/** The index of the statement (sorted by offset) whose node holds the offset, or -1. */
function statementAt(statements: readonly Statement[], offset: number): number {
  let low = 0;
  let high = statements.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const node = (statements[mid] as Statement).node;
    if (offset < node.offset) high = mid - 1;
    else if (offset >= node.offset + node.length) low = mid + 1;
    else return mid;
  }
  return -1;
}

/** True when the report's range and every edit of its fixes lie inside the node: only then does it move with it. */
function inside(report: Report, node: { offset: number; length: number }): boolean {
  const within = (r: { offset: number; length: number }) => r.offset >= node.offset && r.offset + r.length <= node.offset + node.length;
  return within(report.range) && (report.fixes ?? []).every((fix) => fix.edits.every(within));
}

function moved(report: Report, delta: number): Report {
  const range = { offset: report.range.offset + delta, length: report.range.length };
  if (!report.fixes) return { ...report, range };
  return { ...report, range, fixes: report.fixes.map((fix) => ({ ...fix, edits: fix.edits.map((e) => ({ ...e, offset: e.offset + delta })) })) };
}
