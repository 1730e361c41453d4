import { getNodePath, type Node } from 'jsonc-parser';
import type { SourceDocument } from '../../document/model';
import type { Trigger } from '../model/triggers';
import type { Consequence, Violation } from './verdict';

/** The input event's request and response, as plain data, for what a function may not change. */
export interface InputParts {
  readonly request: Readonly<Record<string, unknown>> | undefined;
  readonly response: Readonly<Record<string, unknown>> | undefined;
}

/** What every result rule sees: the trigger, the parsed result, and the input event's parts when known. */
export interface ResultContext {
  readonly trigger: Trigger;
  readonly document: SourceDocument;
  readonly root: Node;
  readonly input: InputParts | undefined;
}

/** A violation at a node of the result. */
export function violationAt(node: Node, rule: string, message: string, consequence: Consequence, docs: string): Violation {
  return { rule, message, consequence, docs, path: getNodePath(node), range: { offset: node.offset, length: node.length } };
}

/** `Records[0].cf.request` and `.response` of an event given as data; undefined parts when it has none. */
export function inputPartsOf(event: unknown): InputParts {
  const cf = record(record(array(record(event)?.['Records'])?.[0])?.['cf']);
  return { request: record(cf?.['request']), response: record(cf?.['response']) };
}

function record(value: unknown): Readonly<Record<string, unknown>> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function array(value: unknown): readonly unknown[] | undefined {
  return Array.isArray(value) ? value : undefined;
}

/** The values of a header in a plain-data header map, in order; undefined when the map lacks it. */
export function headerValues(headers: unknown, name: string): string[] | undefined {
  const entry = record(headers)?.[name];
  if (!Array.isArray(entry)) return undefined;
  return entry.map((item: unknown) => String(record(item)?.['value'] ?? ''));
}

/** The header names of a plain-data header map. */
export function headerNames(headers: unknown): string[] {
  return Object.keys(record(headers) ?? {});
}

/** A field of a plain-data object, if the object is one. */
export function fieldOf(object: unknown, name: string): unknown {
  return record(object)?.[name];
}
