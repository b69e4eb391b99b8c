// `npm run rebuild:node` / `npm run rebuild:electron`: builds the native modules for one
// runtime, then proves it from the built files (native-abi.mjs) and fails loudly otherwise.
// `--check` only checks (npm test starts with it, so a module built for the other runtime is
// one sentence, not a hundred NODE_MODULE_VERSION failures).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { NATIVE_PACKAGES, electronBuildEnv, wrongAbiAddons } from './native-abi.mjs';

function rebuild(runtime) {
  const command =
    runtime === 'electron'
      ? // Its CLI run by Node itself: npm or npx in between would put `nodedir` back into the environment.
        [process.execPath, [electronRebuildCli(), '--force', '--only', NATIVE_PACKAGES.join(',')], electronBuildEnv(process.env)]
      : ['npm', ['rebuild', ...NATIVE_PACKAGES, '--loglevel=notice'], process.env];
  const [program, args, env] = command;
  return spawnSync(program, args, { stdio: 'inherit', env, shell: process.platform === 'win32' && program === 'npm' }).status ?? 1;
}

const electronRebuildCli = () => join(dirname(createRequire(import.meta.url).resolve('@electron/rebuild')), 'cli.js');

function main(argv) {
  const runtime = argv[0];
  if (runtime !== 'node' && runtime !== 'electron') {
    console.error('usage: rebuild-native.mjs node|electron [--check]');
    return 2;
  }
  if (!argv.includes('--check')) {
    const status = rebuild(runtime);
    if (status !== 0) return status;
  }
  const problems = wrongAbiAddons(NATIVE_PACKAGES, runtime);
  if (problems.length === 0) return 0;
  for (const problem of problems) console.error(problem);
  const fix = runtime === 'node' ? '`npm run rebuild:node`' : '`npm run rebuild:electron` (it needs the internet once, for Electron’s headers)';
  console.error(`Native modules are not built for ${runtime === 'node' ? 'Node' : 'Electron'}: run ${fix}.`);
  return 1;
}

process.exitCode = main(process.argv.slice(2));
