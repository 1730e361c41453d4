import type { Check } from '../../server/src/language/check';

/**
 * The generated parts of docs/: check tables from the check registry and the
 * settings table from package.json, rendered between marker comments so the
 * prose around them stays hand-written.
 */

/** A setting as package.json's contributes.configuration declares it (the fields we show). */
export interface SettingSchema {
  readonly type?: string | readonly string[];
  readonly default?: unknown;
  readonly scope?: string;
  readonly enum?: readonly unknown[];
  readonly description?: string;
  readonly markdownDescription?: string;
}

/** What the blocks are made from. */
export interface DocSources {
  readonly checks: readonly Check[];
  readonly settings: Readonly<Record<string, SettingSchema>>;
}

/** A block: its indentation (a table inside a list item), its name, and whatever it holds now. */
const blockPattern = /^([ \t]*)<!-- generated:([a-z:,-]+) -->\n[\s\S]*?^[ \t]*<!-- end generated -->$/gm;

/** Why a docs page cannot be regenerated: its file and line, and what is wrong. */
export class DocsBlockError extends Error {}

/** A table cell: one line, pipes escaped. */
function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}

function checkTable(checks: readonly Check[]): string {
  const rows = checks.map((c) => `| \`${c.id}\` | ${c.severity} | ${cell(c.title)} | [docs](${c.docs}) |`);
  return ['| id | severity | finds | reference |', '|---|---|---|---|', ...rows].join('\n');
}

function settingsTable(settings: Readonly<Record<string, SettingSchema>>): string {
  const rows = Object.entries(settings).map(([name, s]) => {
    const values = s.enum ? s.enum.map((v) => `\`${String(v)}\``).join(', ') : typeof s.type === 'string' ? s.type : (s.type ?? []).join(' or ');
    const text = s.markdownDescription ?? s.description ?? '';
    return `| \`${name}\` | \`${JSON.stringify(s.default)}\` | ${cell(values)} | ${cell(s.scope ?? 'window')} | ${cell(text)} |`;
  });
  return ['| setting | default | values | scope | what it does |', '|---|---|---|---|---|', ...rows].join('\n');
}

/** The content of one block by its name: `settings`, or `checks:SCOPE[,SCOPE]` (scopes as in the registry). */
export function renderBlock(name: string, sources: DocSources): string {
  if (name === 'settings') return settingsTable(sources.settings);
  if (name.startsWith('checks:')) {
    const scopes = name.slice('checks:'.length).split(',');
    const known = new Set(sources.checks.map((c) => c.scope));
    const unknown = scopes.filter((s) => !known.has(s));
    if (unknown.length > 0) throw new DocsBlockError(`no check has scope ${unknown.join(', ')}`);
    return checkTable(sources.checks.filter((c) => scopes.includes(c.scope)));
  }
  throw new DocsBlockError(`unknown generated block "${name}" (expected "settings" or "checks:SCOPE")`);
}

/** The names of the blocks a page holds, in order. */
export function blockNames(page: string): string[] {
  return [...page.matchAll(blockPattern)].map((m) => m[2] ?? '');
}

/** The page with every generated block rendered afresh; a bad block is reported with its line. */
export function regenerate(page: string, fileName: string, sources: DocSources): string {
  return page.replace(blockPattern, (_all, indent: string, name: string, offset: number) => {
    try {
      const body = renderBlock(name, sources).split('\n').map((line) => indent + line).join('\n');
      return `${indent}<!-- generated:${name} -->\n${body}\n${indent}<!-- end generated -->`;
    } catch (error) {
      const line = page.slice(0, offset).split('\n').length;
      throw new DocsBlockError(`${fileName}:${line}: ${(error as Error).message}`);
    }
  });
}
