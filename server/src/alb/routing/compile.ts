import { type ConditionModel, evaluationOrder, type ListenerModel, type Located, type RuleModel } from '../model/types';
import { parseCidr } from '../../network/ip';
import { parseGlob, type Glob } from '../patterns/glob';
import { compileAwsRegex } from '../patterns/regex';
import type { CompiledBlock, CompiledCondition, CompiledPair, CompiledRule, CompiledValues, PrefixedGlob } from './compiled-condition';
import { indexRules, type RuleIndex } from './rule-index';

/**
 * A listener compiled once for routing: patterns parsed (case folded where
 * ALB ignores case), regexes built, CIDR blocks turned into numbers, rules
 * put in evaluation order. The fast path and the traced path both read it,
 * so they cannot disagree about what a value means.
 */
export interface CompiledListener {
  readonly listener: ListenerModel;
  readonly rules: readonly CompiledRule[];
  readonly byRule: ReadonlyMap<RuleModel, CompiledRule>;
  /** Which rules a request can possibly match, for the fast path. */
  readonly index: RuleIndex;
}

const compiled = new WeakMap<ListenerModel, CompiledListener>();

/** The listener's compiled form, built on first use and kept as long as the model lives. */
export function compileListener(listener: ListenerModel): CompiledListener {
  let known = compiled.get(listener);
  if (!known) {
    const rules = evaluationOrder(listener).map((rule) => ({ rule, conditions: (rule.conditions?.items ?? []).map(compileCondition) }));
    known = { listener, rules, byRule: new Map(rules.map((r) => [r.rule, r])), index: indexRules(rules) };
    compiled.set(listener, known);
  }
  return known;
}

export function compileCondition(model: ConditionModel): CompiledCondition {
  const kind = model.kind;
  const field = kind ?? model.field?.value ?? '(no field)';
  switch (kind) {
    case undefined:
      return { model, field, kind: 'invalid', reason: `"${field}" is not a condition field` };
    case 'host-header':
      return { model, field, kind, values: compileValues(model, true) };
    case 'path-pattern':
      return { model, field, kind, values: compileValues(model, false) };
    case 'http-header': {
      const name = model.headerName?.value;
      if (name === undefined) return { model, field, kind: 'invalid', reason: 'the condition names no header' };
      return { model, field, kind, name: name.toLowerCase(), values: compileValues(model, true) };
    }
    case 'http-request-method':
      return { model, field, kind, methods: new Set(model.values.flatMap((v) => (v.value === undefined ? [] : [v.value]))), unresolved: model.values.some((v) => v.value === undefined) };
    case 'query-string':
      return { model, field, kind, ...compilePairs(model) };
    case 'source-ip':
      return { model, field, kind, ...compileBlocks(model) };
    default: {
      const unhandled: never = kind;
      throw new Error(`unhandled condition field ${String(unhandled)}`);
    }
  }
}

function compileValues(model: ConditionModel, caseInsensitive: boolean): CompiledValues {
  let unresolved = false;
  const globs: Glob[] = [];
  const regexes: RegExp[] = [];
  const globItems: Located<string>[] = [];
  const regexItems: Located<string>[] = [];
  for (const item of model.values) {
    if (item.value === undefined) unresolved = true;
    else {
      globs.push(parseGlob(item.value, { caseInsensitive }));
      globItems.push(item);
    }
  }
  for (const item of model.regexValues) {
    const regex = item.value === undefined ? undefined : compileAwsRegex(item.value);
    if (!regex || 'error' in regex) unresolved = true;
    else {
      regexes.push(regex.regex);
      regexItems.push(item);
    }
  }
  const exact = new Map<string, number>();
  const wildcards: PrefixedGlob[] = [];
  globs.forEach((glob, index) => {
    const text = literalText(glob);
    if (text === undefined) wildcards.push({ glob, index, ...literalEnds(glob) });
    else if (!exact.has(text)) exact.set(text, index);
  });
  return { globs, exact, wildcards, regexes, items: [...globItems, ...regexItems], unresolved };
}

/** The text a glob without wildcards matches, else undefined. */
function literalText(glob: Glob): string | undefined {
  let text = '';
  for (const token of glob.tokens) {
    if (token.kind !== 'char') return undefined;
    text += token.char;
  }
  return text;
}

function literalEnds(glob: Glob): { prefix: string; suffix: string } {
  const chars = (from: number, step: 1 | -1) => {
    let text = '';
    for (let i = from; i >= 0 && i < glob.tokens.length; i += step) {
      const token = glob.tokens[i];
      if (token?.kind !== 'char') break;
      text = step === 1 ? text + token.char : token.char + text;
    }
    return text;
  };
  return { prefix: chars(0, 1), suffix: chars(glob.tokens.length - 1, -1) };
}

function compilePairs(model: ConditionModel): { pairs: CompiledPair[]; unresolved: boolean } {
  let unresolved = false;
  const pairs: CompiledPair[] = [];
  for (const expected of model.queryPairs) {
    const key = expected.key?.value;
    const value = expected.value?.value;
    if ((expected.key && key === undefined) || value === undefined) {
      unresolved = true;
      continue;
    }
    pairs.push({
      key: key === undefined ? undefined : parseGlob(key, { caseInsensitive: true, escapes: true }),
      value: parseGlob(value, { caseInsensitive: true, escapes: true }),
      item: expected,
    });
  }
  return { pairs, unresolved };
}

function compileBlocks(model: ConditionModel): { blocks: CompiledBlock[]; unresolved: boolean } {
  let unresolved = false;
  const blocks: CompiledBlock[] = [];
  for (const item of model.values) {
    const block = item.value === undefined ? undefined : parseCidr(item.value);
    if (!block || 'error' in block) unresolved = true;
    else if (block.family === 4) blocks.push({ family: 4, start: Number(block.start), end: Number(block.end), item });
    else blocks.push({ family: 6, start: block.start, end: block.end, item });
  }
  return { blocks, unresolved };
}
