import type { SourceDocument } from '../document/model';
import type { Classification, DocumentRegion, RegionKind } from './classify';
import type { Fix, Severity, TextRange } from './finding';

/** What every check sees: the parsed document and what it was classified as. */
export interface DocumentContext {
  readonly document: SourceDocument;
  readonly classification: Classification;
  /** The document's path or URI, when known: some domains honour file-name conventions (e.g. `*.scp.json`). */
  readonly fileName?: string | undefined;
}

/** What a domain check sees: the document and one region of its domain. */
export interface RegionContext extends DocumentContext {
  readonly region: DocumentRegion;
}

/** What a check reports; the registry adds id, severity and docs. */
export interface Report {
  readonly range: TextRange;
  readonly message: string;
  readonly fixes?: readonly Fix[];
}

interface CheckMetadata {
  /** Stable id: `domain.name`, or the AWS issue code users already know (e.g. `INVALID_ACTION`). */
  readonly id: string;
  readonly severity: Severity;
  /** One sentence saying what the check finds (SARIF's shortDescription). */
  readonly title: string;
  /** The authoritative page that explains why this is a problem. */
  readonly docs: string;
}

/** Runs once per document, whatever it holds. */
export interface DocumentCheck extends CheckMetadata {
  readonly scope: 'document';
  readonly run: (context: DocumentContext) => Iterable<Report>;
}

/** Runs once per region of its kind (e.g. once per IAM policy in a CloudFormation template). */
export interface RegionCheck extends CheckMetadata {
  readonly scope: RegionKind;
  readonly run: (context: RegionContext) => Iterable<Report>;
}

/** One row of a domain's check table. */
export type Check = DocumentCheck | RegionCheck;

/** Declares a check of a region kind; a function so that every row is typed and reads the same. */
export function defineCheck(check: RegionCheck): RegionCheck {
  return check;
}

/** Declares one of the core's checks, which run once per document. */
export function defineDocumentCheck(check: DocumentCheck): DocumentCheck {
  return check;
}

/** Tells the two apart: a region kind is never `document`. */
export function isDocumentCheck(check: Check): check is DocumentCheck {
  return check.scope === 'document';
}

/**
 * Thrown by a check, hover or completion when something outside the code that
 * it needs is missing (e.g. a data file the build writes). Not a bug in the
 * check: the service reports it once per document and logs it once, instead of
 * one engine failure per check that needs it.
 */
export class MissingDependency extends Error {
  /** `what` names the dependency (e.g. "IAM reference data"); `message` says what is wrong and what to do. */
  constructor(readonly what: string, message: string) {
    super(message);
    this.name = 'MissingDependency';
    // The stack of whichever check met it first would only bury what to do.
    this.stack = `${this.name}: ${message}`;
  }
}
