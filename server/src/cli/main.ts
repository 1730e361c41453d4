import { version } from '../../../package.json';
import { albCommand } from './alb-command';
import { UsageError } from './args';
import { checkCommand } from './check-command';
import { exitCodes, type CliCommand, type CommandIO } from './command';
import { edgeCommand } from './edge-command';
import { invokeCommand } from './invoke-command';
import { serveCommand } from './serve-command';

/** Every subcommand; a capability joins the CLI by adding its row. */
export const commands: readonly CliCommand[] = [checkCommand, albCommand, edgeCommand, invokeCommand, serveCommand];

function usage(): string {
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
    (name === undefined ? io.stderr : io.stdout)(`${usage()}\n`);
    return name === undefined ? exitCodes.usage : exitCodes.ok;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${version}\n`);
    return exitCodes.ok;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`lambda-workbench: unknown command "${name}"\n\n${usage()}\n`);
    return exitCodes.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${command.help}\n`);
    return exitCodes.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`lambda-workbench ${command.name}: ${error.message}\nUsage: lambda-workbench ${command.synopsis}\n`);
      return exitCodes.usage;
    }
    throw error;
  }
}
