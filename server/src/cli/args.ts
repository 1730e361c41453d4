/** A command-line mistake: printed with the usage hint, exit status 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** By name, not `instanceof`: each command's bundle (dist/cli/NAME.js) holds its own copy of the class. */
export function isUsageError(error: unknown): error is UsageError {
  return error instanceof Error && error.name === 'UsageError';
}

export interface ParsedArgs {
  readonly positionals: string[];
  /** Options by name without dashes; repeatable options keep every value in order. */
  readonly options: Map<string, string[]>;
  readonly flags: Set<string>;
}

/**
 * Parses `--name value`, `--name=value`, `-x value` and bare flags. Which
 * names take a value is declared, so a typo is an error rather than a positional.
 */
export function parseArgs(argv: readonly string[], spec: { values: readonly string[]; flags: readonly string[]; aliases?: Readonly<Record<string, string>> }): ParsedArgs {
  const positionals: string[] = [];
  const options = new Map<string, string[]>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const raw = eq >= 0 ? arg.slice(0, eq) : arg;
    const name = spec.aliases?.[raw] ?? raw.replace(/^--?/, '');
    if (spec.flags.includes(name)) {
      if (eq >= 0) throw new UsageError(`option --${name} takes no value`);
      flags.add(name);
    } else if (spec.values.includes(name)) {
      const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined) throw new UsageError(`option --${name} needs a value`);
      options.set(name, [...(options.get(name) ?? []), value]);
    } else {
      throw new UsageError(`unknown option ${raw}`);
    }
  }
  return { positionals, options, flags };
}

/** The last value given for a single-valued option. */
export function single(args: ParsedArgs, name: string): string | undefined {
  return args.options.get(name)?.at(-1);
}
