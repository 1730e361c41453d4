import type { Node } from 'jsonc-parser';
import type { SourceDocument } from '../document/model';
import type { TextRange } from '../language/finding';

// The shape of a policy as the checks read it: the reader (policy.ts), the
// action scanner (actions.ts) and the type decision (policy-type.ts) all
// build or read these, so they live apart from each of them.

/** The kinds of IAM policy, which differ in the elements they accept and require. */
export type PolicyType = 'identity' | 'resource' | 'trust' | 'boundary' | 'scp' | 'rcp';

/** How the type was decided: `content` is a guess between types that share a grammar. */
export type PolicyTypeSource = 'file-name' | 'context' | 'content';

export interface PolicyTypeDecision {
  readonly type: PolicyType;
  readonly source: PolicyTypeSource;
}

/** One action string of an Action or NotAction element, split at its colon. */
export interface ActionString {
  readonly node: Node;
  readonly value: string;
  readonly service: string;
  readonly name: string;
  readonly element: 'Action' | 'NotAction';
  /** True when it holds `${` (a policy variable, which actions do not take): noted while the string is read. */
  readonly hasVariable: boolean;
}

/** The elements a statement may have, as IAM spells them. */
export const statementElements = ['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'] as const;
export type StatementElement = (typeof statementElements)[number];

/** One element of a statement: its key node and its value node. */
export interface Element {
  readonly key: Node;
  readonly value: Node;
}

/** A statement object and its elements (the last one when a key repeats, as IAM reads it). */
export interface Statement {
  readonly node: Node;
  readonly elements: Readonly<Record<StatementElement, Element | undefined>>;
  /** Its `service:name` strings in Action and NotAction, read once for every check. */
  readonly actions: readonly ActionString[];
  /** Its strings in Resource and NotResource (none when an intrinsic function stands in the element), read once. */
  readonly resources: readonly ResourceString[];
  /** Its keys that are not statement elements (misspelt or unknown), found while the statement is read. */
  readonly otherKeys: readonly Node[];
  /** Its Effect when that is a string (checks compare it to "Allow" and "Deny"). */
  readonly effect: string | undefined;
  /** Its Action and NotAction strings with no colon (other than "*"): they name no service. */
  readonly bareActions: readonly Node[];
}

/** One string of a Resource or NotResource element. */
export interface ResourceString {
  readonly node: Node;
  readonly value: string;
  readonly element: 'Resource' | 'NotResource';
}

/**
 * One policy as the checks see it: a tree whose offsets index `text`, and the
 * mapping of those offsets to the document's. For a policy kept as a JSON
 * string, `text` is the decoded string and `range` maps through its escapes.
 */
export interface Policy {
  /** The policy object; the array itself for a list of statements (Serverless Framework's `iam.role.statements`). */
  readonly root: Node;
  /** Statements without a policy around them: the tool that deploys them adds Version and Statement. */
  readonly statementList: boolean;
  readonly text: string;
  /** Syntax problems of an embedded policy's own JSON (empty for a plain policy). */
  readonly inner: SourceDocument | undefined;
  readonly statements: readonly Statement[];
  /** The `Statement` element, when present. */
  readonly statementElement: Element | undefined;
  readonly type: PolicyTypeDecision;
  /** The document range of a node (or of a range of `text`). */
  range(node: Node | TextRange): TextRange;
  /** Where a finding about a whole object goes: its `{`, or in YAML block style its `-` or key. */
  opening(node: Node): TextRange;
  /** The document range of characters [start, start+length) of a string node's value, or the node's when escapes make that unclear. */
  rangeInString(node: Node, start: number, length: number): TextRange;
  /** Text as it must be written into the document (a JSON string literal, escaped again inside an embedded policy). */
  literal(value: unknown): string;
  /** Raw policy text (e.g. `"Version": "2012-10-17", `) escaped for the document. */
  raw(text: string): string;
  /** The offset in `text` of a document offset. */
  toPolicyOffset(documentOffset: number): number;
}
