import { version } from '../../../package.json';
import { isUsageError } from './args';
import { exitCodes, type CliCommand, type CommandIO } from './command';

/**
 * Every subcommand, by name; a capability joins the CLI by adding its row.
 * Loaded when named, so a command starts without reading the others' engines.
 */
const commandTable: ReadonlyArray<readonly [string, () => Promise<CliCommand>]> = [
  ['check', async () => (await import('./check-command.js')).checkCommand],
  ['alb', async () => (await import('./alb-command.js')).albCommand],
  ['edge', async () => (await import('./edge-command.js')).edgeCommand],
  ['invoke', async () => (await import('./invoke-command.js')).invokeCommand],
  ['serve', async () => (await import('./serve-command.js')).serveCommand],
  ['iam', async () => (await import('./iam-command.js')).iamCommand],
];

/** Every command, loaded: for the overview, which lists them all. */
async function allCommands(): Promise<CliCommand[]> {
  return Promise.all(commandTable.map(([, load]) => load()));
}

async function usage(): Promise<string> {
  const commands = await allCommands();
  const width = Math.max(...commands.map((c) => c.name.length));
  const rows = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n');
  return `Usage: lambda-workbench COMMAND [options]

Commands:
${rows}

Run "lambda-workbench COMMAND --help" for a command's options.
Options: --help, --version`;
}

/** Runs the CLI with `argv` (without node and the script) and resolves to the exit status. */
export async function main(argv: readonly string[], io: CommandIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout)(`${await usage()}\n`);
    return name === undefined ? exitCodes.usage : exitCodes.ok;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${version}\n`);
    return exitCodes.ok;
  }
  const load = commandTable.find(([commandName]) => commandName === name)?.[1];
  if (!load) {
    io.stderr(`lambda-workbench: unknown command "${name}"\n\n${await usage()}\n`);
    return exitCodes.usage;
  }
  const command = await load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${command.help}\n`);
    return exitCodes.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (isUsageError(error)) {
      io.stderr(`lambda-workbench ${command.name}: ${error.message}\nUsage: lambda-workbench ${command.synopsis}\n`);
      return exitCodes.usage;
    }
    throw error;
  }
}
