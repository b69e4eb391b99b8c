// `npm run serve -- --port <n|0> --data-dir <dir>`: browser mode (DESIGN.md §3).
// Builds the app if the build is missing or older than the sources, then runs the host.
// The build's output goes to stderr: stdout carries only the host's READY line.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const outputs = [join(root, 'out/main/host.js'), join(root, 'out/renderer/index.html')];

function newestSourceTime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceTime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const buildIsCurrent =
  outputs.every((file) => existsSync(file)) &&
  Math.min(...outputs.map((file) => statSync(file).mtimeMs)) >= newestSourceTime(join(root, 'src'));

if (!buildIsCurrent) {
  process.stderr.write('serve: building the app first…\n');
  const build = spawnSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: root,
    stdio: ['ignore', process.stderr, process.stderr],
  });
  if (build.status !== 0) {
    process.stderr.write('serve: the build failed (see above).\n');
    process.exit(1);
  }
}

// Run the host in this process (it reads the same argv), so signals reach it directly.
await import(pathToFileURL(outputs[0]).href);
