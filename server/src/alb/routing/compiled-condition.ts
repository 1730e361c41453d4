import type { ConditionModel, Located, RuleModel } from '../model/types';
import type { Glob } from '../patterns/glob';

// What compile.ts makes of a rule's conditions, read by the matcher, the
// traced path and the rule index alike.

export interface CompiledRule {
  readonly rule: RuleModel;
  readonly conditions: readonly CompiledCondition[];
}

/** A glob with the literal text every match starts and ends with, tested natively before the matcher runs. */
export interface PrefixedGlob {
  readonly glob: Glob;
  readonly prefix: string;
  readonly suffix: string;
  /** Its index among the condition's values. */
  readonly index: number;
}

/** Glob values then regex values, each with where it was written. */
export interface CompiledValues {
  readonly globs: readonly Glob[];
  /** Globs without wildcards, by their (folded) text: one lookup answers them all. The first index written wins. */
  readonly exact: ReadonlyMap<string, number>;
  readonly wildcards: readonly PrefixedGlob[];
  readonly regexes: readonly RegExp[];
  /** The written items, globs first then regexes: a match's index points here. */
  readonly items: readonly Located<string>[];
  /** Some value is not spelled out (an expression) or is a regex the simulator cannot run. */
  readonly unresolved: boolean;
}

export interface CompiledPair {
  readonly key: Glob | undefined;
  readonly value: Glob;
  readonly item: { readonly range: Located<string>['range'] };
}

/** An IPv4 block as plain numbers (the common case, no bigint per request); IPv6 as bigints. */
export type CompiledBlock =
  | { readonly family: 4; readonly start: number; readonly end: number; readonly item: Located<string> }
  | { readonly family: 6; readonly start: bigint; readonly end: bigint; readonly item: Located<string> };

/** One condition ready to match; `invalid` always answers "unknown", with why. */
export type CompiledCondition = { readonly model: ConditionModel; readonly field: string } & (
  | { readonly kind: 'host-header'; readonly values: CompiledValues }
  | { readonly kind: 'path-pattern'; readonly values: CompiledValues }
  | { readonly kind: 'http-header'; readonly name: string; readonly values: CompiledValues }
  | { readonly kind: 'http-request-method'; readonly methods: ReadonlySet<string>; readonly unresolved: boolean }
  | { readonly kind: 'query-string'; readonly pairs: readonly CompiledPair[]; readonly unresolved: boolean }
  | { readonly kind: 'source-ip'; readonly blocks: readonly CompiledBlock[]; readonly unresolved: boolean }
  | { readonly kind: 'invalid'; readonly reason: string }
);
