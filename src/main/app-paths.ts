import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * Finds the folder that holds `resources/` when running from a checkout: `src/main/...`
 * under tsx and vitest, `out/main/...` after a build. A packaged Electron app passes
 * `process.resourcesPath` instead (STYLE.md §3).
 */
export function findAppRoot(startDir: string): string {
  let dir = startDir;
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'resources'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no app root (package.json + resources/) above ${startDir}`);
    dir = parent;
  }
}

/**
 * The shipped data (question banks, migrations, prompts, the model catalog) in a packaged
 * app: electron-builder.yml copies `resources/` to `<process.resourcesPath>/resources`.
 * tests/packaging runs the whole app on what this returns for a real package layout.
 */
export const packagedResourcesDir = (resourcesPath: string): string => join(resourcesPath, 'resources');

export const PRODUCT_NAME = 'Interview Practice';

/**
 * The folder Electron's `app.getPath('userData')` points to, computed without Electron so
 * browser mode finds the same history as the app by default.
 */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_NAME);
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), PRODUCT_NAME);
}
