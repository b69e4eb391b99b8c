// `npm run start`: the desktop app from a fresh build. Offline machines have no Electron
// binary (it is downloaded on first run), so say so in one sentence and point to browser mode.
import { spawn, spawnSync } from 'node:child_process';
import { findElectronBinary } from './electron-binary.mjs';

const binary = findElectronBinary();
if (!binary) {
  console.error(
    'The Electron binary is not installed on this machine (it is downloaded on first run, which needs the internet); practise in your browser with `npm run serve` instead.',
  );
  process.exit(1);
}
const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
if (build.status !== 0) process.exit(build.status ?? 1);
const app = spawn(binary, ['.'], { stdio: 'inherit' });
app.on('exit', (code) => process.exit(code ?? 0));
