import type { Node, NodeType } from 'jsonc-parser';
import { isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments, type Document, type Node as YamlNode, type Scalar } from 'yaml';
import { nestingLimit } from './depth';
import { LineIndex } from './line-index';
import type { SourceDocument, SyntaxProblem } from './model';
import { intrinsicKeyOfTag } from './yaml-intrinsics';

/** Deeper than any real template (the limit JSON has too); past it the builder stops and says where, instead of exhausting the stack. */
export const yamlDepthLimit = nestingLimit;

/** Nodes an alias may add to the tree, in all: a few aliases of aliases otherwise grow it exponentially ("billion laughs"). */
const aliasNodeBudget = 100_000;

/**
 * Parses YAML into the neutral model: mappings become objects, sequences
 * arrays, scalars strings, numbers, booleans or null, each with the offsets of
 * its text. CloudFormation's short-form intrinsics (`!Ref X`, `!GetAtt A.B`)
 * become the objects their long forms are (`{"Ref": "X"}`), the key's range
 * being the tag's, so the engines see one shape whatever was written. Aliases
 * are resolved (the nodes of an expansion take the alias's offsets).
 */
export function parseYamlDocument(text: string): SourceDocument {
  const problems: SyntaxProblem[] = [];
  let root: Node | undefined;
  let documents: Document.Parsed[];
  try {
    documents = parseAllDocuments(text, { uniqueKeys: false, prettyErrors: false, strict: false }) as Document.Parsed[];
  } catch (error) {
    // The parser itself recurses: text nested deeper than the stack allows ends here, located at the start.
    problems.push({ code: 'PARSER_FAILURE', message: `The YAML parser gave up on this text: ${error instanceof Error ? error.message : String(error)}`, offset: 0, length: 0 });
    documents = [];
  }
  if (!Array.isArray(documents)) documents = [];
  for (const [index, document] of documents.entries()) {
    for (const error of [...document.errors, ...document.warnings]) {
      const problem = toProblem(text, error.code, error.message, error.pos);
      if (problem) problems.push(problem);
    }
    if (index === 0) root = new TreeBuilder(text, document, problems).build();
    else if (index === 1) {
      const start = document.range[0];
      problems.push({
        code: 'MULTIPLE_DOCUMENTS',
        message: `This file holds ${documents.length} YAML documents; CloudFormation and the Serverless Framework read one, and only the first is checked.`,
        offset: start,
        length: Math.max(0, Math.min(3, text.length - start)),
      });
    }
  }
  problems.sort((a, b) => a.offset - b.offset);
  return { text, format: 'yaml', root, syntaxProblems: problems, lines: new LineIndex(text) };
}

/** The first line of the parser's message (the rest repeats the source), or undefined for a tag the tree already turned into an intrinsic. */
function toProblem(text: string, code: string, message: string, pos: [number, number]): SyntaxProblem | undefined {
  const offset = Math.min(pos[0], text.length);
  const length = Math.max(0, Math.min(pos[1], text.length) - offset);
  if (code === 'TAG_RESOLVE_FAILED') {
    const tag = /^Unresolved tag: (\S+)/.exec(message)?.[1] ?? '';
    if (intrinsicKeyOfTag(tag) !== undefined) return undefined;
    return { code, message: `Unknown tag ${tag}: CloudFormation knows the intrinsic function tags (!Ref, !Sub, !GetAtt, ...) and no others.`, offset, length };
  }
  const firstLine = (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
  return { code, message: firstLine, offset, length };
}

/** A node while the builder fills in its children; handed out as a `Node`. */
interface BuildingNode {
  type: NodeType;
  value?: unknown;
  offset: number;
  length: number;
  colonOffset?: number;
  parent?: Node;
  children?: Node[];
}

function make(type: NodeType, offset: number, length: number, parent: Node | undefined, value?: unknown): BuildingNode {
  const node: BuildingNode = { type, offset, length };
  if (value !== undefined) node.value = value;
  if (parent) node.parent = parent;
  return node;
}

class TreeBuilder {
  private aliasNodes = 0;
  /** While expanding an alias: its range, which every node of the expansion takes. */
  private aliasSpan: [number, number] | undefined;
  private depthReported = false;

  constructor(
    private readonly text: string,
    private readonly document: Document.Parsed,
    private readonly problems: SyntaxProblem[],
  ) {}

  build(): Node | undefined {
    const contents = this.document.contents;
    return contents ? this.node(contents, undefined, 0, false) : undefined;
  }

  private node(source: YamlNode | Scalar | null, parent: Node | undefined, depth: number, viaAlias: boolean): Node {
    if (source === null) return make('null', parent?.offset ?? 0, 0, parent, null) as Node;
    if (depth > yamlDepthLimit) return this.tooDeep(source, parent);
    if (viaAlias && ++this.aliasNodes > aliasNodeBudget) return this.aliasBudgetSpent(source, parent);
    if (isAlias(source)) {
      const target = source.resolve(this.document);
      const [start, end] = this.rangeOf(source);
      if (!target) return this.scalarNode(null, start, end - start, parent);
      // What an alias expands to is located at the alias, where the user wrote it: the anchor's text gets its own findings.
      const outer = this.aliasSpan;
      this.aliasSpan ??= [start, end];
      try {
        return this.node(target as YamlNode, parent, depth + 1, true);
      } finally {
        this.aliasSpan = outer;
      }
    }
    const tagKey = source.tag ? intrinsicKeyOfTag(source.tag) : undefined;
    if (tagKey !== undefined) return this.intrinsic(tagKey, source, parent, depth, viaAlias);
    return this.plainNode(source, parent, depth, viaAlias);
  }

  /** `!Sub x` as `{"Fn::Sub": x}`: the object and its key span the tag, the value its own text. */
  private intrinsic(key: string, source: YamlNode, parent: Node | undefined, depth: number, viaAlias: boolean): Node {
    const [start, end] = this.rangeOf(source);
    const tagStart = this.tagStart(source, start);
    const object = make('object', tagStart, end - tagStart, parent);
    const property = make('property', tagStart, end - tagStart, object as Node);
    property.colonOffset = tagStart;
    const keyNode = make('string', tagStart, (source.tag ?? '').length, property as Node, key) as Node;
    property.children = [keyNode, this.plainNode(source, property as Node, depth + 1, viaAlias)];
    object.children = [property as Node];
    return object as Node;
  }

  private plainNode(source: YamlNode, parent: Node | undefined, depth: number, viaAlias: boolean): Node {
    const [start, end] = this.rangeOf(source);
    if (isMap(source)) {
      const object = make('object', start, end - start, parent);
      object.children = [];
      for (const pair of source.items) {
        if (isPair(pair)) object.children.push(this.property(pair.key as YamlNode | null, pair.value as YamlNode | null, object as Node, depth + 1, viaAlias));
      }
      return object as Node;
    }
    if (isSeq(source)) {
      const array = make('array', start, end - start, parent);
      array.children = source.items.map((item) => this.node((item ?? null) as YamlNode | null, array as Node, depth + 1, viaAlias));
      return array as Node;
    }
    if (isScalar(source)) {
      return this.scalarNode(source.value, start, end - start, parent);
    }
    return this.scalarNode(null, start, end - start, parent);
  }

  private property(key: YamlNode | null, value: YamlNode | null, parent: Node, depth: number, viaAlias: boolean): Node {
    const [keyStart, keyEnd] = key ? this.rangeOf(key) : [parent.offset, parent.offset];
    const property = make('property', keyStart, 0, parent);
    // A key that is not a plain scalar (a mapping as key) is no key AWS reads: its name is empty.
    const keyNode = make('string', keyStart, keyEnd - keyStart, property as Node, isScalar(key) ? String(key.value) : '') as Node;
    const colon = this.text.indexOf(':', keyEnd);
    const colonOffset = colon >= 0 ? colon : keyEnd;
    property.colonOffset = colonOffset;
    const valueNode = value === null ? (make('null', colonOffset + 1, 0, property as Node, null) as Node) : this.node(value, property as Node, depth, viaAlias);
    property.children = [keyNode, valueNode];
    property.length = Math.max(keyEnd, valueNode.offset + valueNode.length) - keyStart;
    return property as Node;
  }

  private scalarNode(value: unknown, offset: number, length: number, parent: Node | undefined): Node {
    switch (typeof value) {
      case 'string':
        return make('string', offset, length, parent, value) as Node;
      case 'number':
        return make('number', offset, length, parent, value) as Node;
      case 'bigint':
        return make('number', offset, length, parent, Number(value)) as Node;
      case 'boolean':
        return make('boolean', offset, length, parent, value) as Node;
      default:
        // null, and values of other tags (dates, binary) that AWS documents never hold: their text stands for them.
        return value === null || value === undefined
          ? (make('null', offset, length, parent, null) as Node)
          : (make('string', offset, length, parent, this.text.slice(offset, offset + length)) as Node);
    }
  }

  /** A node's text without the line breaks the parser counts into a block collection's end. */
  private rangeOf(source: YamlNode): [number, number] {
    if (this.aliasSpan) return this.aliasSpan;
    const [start, valueEnd] = source.range ?? [0, 0, 0];
    let end = Math.max(start, valueEnd);
    while (end > start && isBlank(this.text.charCodeAt(end - 1))) end--;
    return [start, end];
  }

  /** Where `!Tag` starts: the parser's range covers the value only. */
  private tagStart(source: YamlNode, valueStart: number): number {
    if (this.aliasSpan) return valueStart;
    const tag = source.tag ?? '';
    const at = this.text.lastIndexOf(tag, valueStart);
    return at >= 0 && valueStart - at <= tag.length + 64 ? at : valueStart;
  }

  private tooDeep(source: YamlNode | Scalar, parent: Node | undefined): Node {
    const [start, end] = this.rangeOf(source as YamlNode);
    if (!this.depthReported) {
      this.depthReported = true;
      this.problems.push({ code: 'DEPTH_LIMIT', message: `Nested more than ${yamlDepthLimit} levels deep; no AWS document is, and what lies deeper is not checked.`, offset: start, length: 0 });
    }
    return make('null', start, end - start, parent, null) as Node;
  }

  private aliasBudgetSpent(source: YamlNode | Scalar, parent: Node | undefined): Node {
    const [start, end] = this.rangeOf(source as YamlNode);
    if (this.aliasNodes === aliasNodeBudget + 1) {
      this.problems.push({ code: 'ALIAS_BUDGET', message: `Aliases expand this document past ${aliasNodeBudget} nodes; the rest of the expansion is not checked.`, offset: start, length: 0 });
    }
    return make('null', start, end - start, parent, null) as Node;
  }
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}
