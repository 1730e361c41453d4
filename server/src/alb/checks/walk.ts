import type { RegionContext } from '../../language/check';
import { readAlbRegion } from '../model/read';
import type { ActionModel, ConditionModel, ListenerModel, RuleModel, TransformModel } from '../model/types';

/** A rule and the listener it belongs to. */
export interface RuleSite {
  readonly listener: ListenerModel;
  readonly rule: RuleModel;
}

/** Every rule of the region, each listener's default rule first. */
export function* rulesOf(context: RegionContext): Iterable<RuleSite> {
  for (const listener of readAlbRegion(context.region).listeners) {
    if (listener.defaultRule) yield { listener, rule: listener.defaultRule };
    for (const rule of listener.rules) yield { listener, rule };
  }
}

export function* conditionsOf(context: RegionContext): Iterable<RuleSite & { readonly condition: ConditionModel }> {
  for (const site of rulesOf(context)) for (const condition of site.rule.conditions?.items ?? []) yield { ...site, condition };
}

export function* actionsOf(context: RegionContext): Iterable<RuleSite & { readonly action: ActionModel }> {
  for (const site of rulesOf(context)) for (const action of site.rule.actions?.items ?? []) yield { ...site, action };
}

export function* transformsOf(context: RegionContext): Iterable<RuleSite & { readonly transform: TransformModel }> {
  for (const site of rulesOf(context)) for (const transform of site.rule.transforms?.items ?? []) yield { ...site, transform };
}

/** Whether the region holds whole rules (so a missing Priority or Conditions is a mistake, not a partial file). */
export function holdsWholeRules(context: RegionContext): boolean {
  return context.region.shape === 'create-rule' || context.region.shape === 'cloudformation' || context.region.shape === 'describe-rules';
}
