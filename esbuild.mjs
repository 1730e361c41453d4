// @ts-check
// One build for every entry point: the extension, the language server, the CLI and the local runtime's bootstrap.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import { compileIamIndex } from './server/src/iam/data/compile-index.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {esbuild.BuildOptions} */
const options = {
  entryPoints: {
    extension: 'client/src/extension.ts',
    server: 'server/src/server.ts',
    // Run inside each local execution environment (a child process), never in the extension host.
    'runtime-bootstrap': 'server/src/runtime/bootstrap/main.ts',
    'runtime-ts-hooks': 'server/src/runtime/bootstrap/ts-hooks.ts',
    'runtime-module-check': 'server/src/runtime/bootstrap/module-check.ts',
  },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['vscode'],
  // jsonc-parser's UMD build hides its requires from the bundler; its ESM build does not.
  mainFields: ['module', 'main'],
  sourcemap: true,
  minify: production,
  logLevel: 'info',
};

/** The CLI's commands, each its own bundle (dist/cli/NAME.js) so a command starts without compiling the others' engines. */
const cliCommands = ['check', 'alb', 'edge', 'invoke', 'serve', 'iam'];

/** @type {esbuild.BuildOptions} */
const cliOptions = {
  ...options,
  entryPoints: { cli: 'server/src/cli.ts', ...Object.fromEntries(cliCommands.map((name) => [`cli/${name}`, `server/src/cli/${name}-command.ts`])) },
  // main.ts loads a command with `import('./NAME-command')`: that becomes a require of the command's bundle.
  supported: { 'dynamic-import': false },
  plugins: [
    {
      name: 'cli-command-bundles',
      setup(build) {
        build.onResolve({ filter: /^\.\/[a-z]+-command\.js$/ }, (args) => {
          if (!/[\\/]cli[\\/]main\.ts$/.test(args.importer)) return undefined;
          return { path: `./cli/${args.path.slice(2, -'-command.js'.length)}.js`, external: true };
        });
      },
    },
  ],
};

// The Python runtime's bootstrap is Python itself, standard library only: it ships as it is.
fs.mkdirSync('dist', { recursive: true });
fs.copyFileSync('server/src/runtime/python/bootstrap.py', 'dist/runtime-python-bootstrap.py');

// The IAM data index ships beside the bundles; the server loads it at first use.
const iamIndex = compileIamIndex('dist/iam-index.json.gz');
console.log(`dist/iam-index.json.gz ${iamIndex.written ? 'written' : 'up to date'} (${(iamIndex.bytes / 1024).toFixed(0)} KiB)`);

if (watch) {
  for (const buildOptions of [options, cliOptions]) await (await esbuild.context(buildOptions)).watch();
} else {
  await Promise.all([esbuild.build(options), esbuild.build(cliOptions)]);
}
