import { iamData } from '../data/iam-data';

/** What a word of a simulated request names: the privilege asked for, or a context key. */
export type RequestWord = 'action' | 'contextKey';

/** A proposal for a request's word, with the reference's description. */
export interface RequestProposal {
  readonly text: string;
  readonly detail: string;
}

/**
 * Completions for a word of a request being typed, from the IAM reference
 * data: `service:` prefixes then the service's actions for an action; the
 * global keys and the action's service's keys for a context key. Names
 * compare without case, as IAM's do; at most `limit` proposals.
 */
export function requestCompletions(word: RequestWord, typed: string, action: string | undefined, limit = 50): RequestProposal[] {
  const data = iamData();
  const lower = typed.toLowerCase();
  const starts = (text: string) => text.toLowerCase().startsWith(lower);
  let proposals: RequestProposal[];
  if (word === 'action') {
    const colon = typed.indexOf(':');
    proposals =
      colon < 0
        ? data.services().map((s) => ({ text: `${s.prefix}:`, detail: s.name })).filter((p) => starts(p.text))
        : data.actions(typed.slice(0, colon)).map((a) => ({ text: `${a.service.prefix}:${a.name}`, detail: `${a.accessLevel}: ${a.description}` })).filter((p) => starts(p.text));
  } else {
    const service = action?.split(':')[0];
    proposals = data.conditionKeys(service).map((k) => ({ text: k.key, detail: `${k.type}: ${k.description}` })).filter((p) => starts(p.text));
  }
  return proposals.sort((a, b) => a.text.localeCompare(b.text)).slice(0, limit);
}
