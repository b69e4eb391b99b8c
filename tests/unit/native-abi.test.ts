import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
// @ts-expect-error plain ES module shared with the npm scripts
import * as nativeAbi from '../../scripts/native-abi.mjs';
import { ROOT_DIR } from '../support/paths';
import { makeTempDir } from '../support/temp-dir';

/**
 * Issue #13: `npm run rebuild:electron` said "Rebuild Complete" while an npm `nodedir` made
 * it build better-sqlite3 for Node (ABI 115) instead of Electron 45 (150), so a packaged app
 * could not have opened its database. The rebuild scripts now read the ABI out of the built
 * files and fail loudly.
 */
const { addonAbi, electronBuildEnv, runtimeAbi, wrongAbiAddons } = nativeAbi as {
  addonAbi(path: string): number | 'napi' | undefined;
  electronBuildEnv(env: Record<string, string>): Record<string, string>;
  runtimeAbi(runtime: 'node' | 'electron'): number;
  wrongAbiAddons(packages: string[], runtime: 'node' | 'electron', root?: string): string[];
};

const SQLITE_ADDON = join(ROOT_DIR, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');
const check = (runtime: string) => spawnSync(process.execPath, ['scripts/rebuild-native.mjs', runtime, '--check'], { cwd: ROOT_DIR, encoding: 'utf8' });

describe('the ABI a native module was built for', () => {
  it('is read from the file: better-sqlite3 as built for this Node, sherpa-onnx on Node-API', () => {
    expect(addonAbi(SQLITE_ADDON)).toBe(Number(process.versions.modules));
    expect(addonAbi(join(ROOT_DIR, `node_modules/sherpa-onnx-${process.platform === 'win32' ? 'win' : process.platform}-${process.arch}/sherpa-onnx.node`))).toBe('napi');
    expect(runtimeAbi('electron')).toBe(150);
  });

  it('passes the test run and refuses the same build as Electron’s, naming the file and both ABIs', () => {
    expect(check('node').status).toBe(0);

    const electron = check('electron');
    expect(electron.status).toBe(1);
    expect(electron.stderr).toContain(`better_sqlite3.node is built for ABI ${process.versions.modules}`);
    expect(electron.stderr).toContain('not 150 (Electron)');
    expect(electron.stderr).toMatch(/run `npm run rebuild:electron`/);
  });

  it('builds for Electron without an npm nodedir, which would win over the Electron target', () => {
    const env = electronBuildEnv({ PATH: '/usr/bin', npm_config_nodedir: '/usr', NPM_CONFIG_NODEDIR: '/usr', npm_config_target: '45.4.1' });
    expect(env).toEqual({ PATH: '/usr/bin', npm_config_target: '45.4.1' });
  });
});

describe('a package folder', () => {
  let temp: ReturnType<typeof makeTempDir>;
  const addonPackage = (files: Record<string, string>): void => {
    const dir = join(temp.path, 'node_modules', 'some-addon');
    mkdirSync(join(dir, 'build', 'Release'), { recursive: true });
    writeFileSync(join(dir, 'package.json'), '{"name":"some-addon","version":"1.0.0"}');
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  };
  beforeEach(() => (temp = makeTempDir('native-abi')));
  afterEach(() => temp.remove());

  it('with no built addon fails, as after a rebuild that deleted it and then failed', () => {
    addonPackage({});
    expect(wrongAbiAddons(['some-addon'], 'node', temp.path)).toEqual(['some-addon has no built addon (a rebuild failed or never ran).']);
  });

  it('built for Electron passes for Electron only; intermediate copies are not looked at', () => {
    addonPackage({ 'build/Release/addon.node': '\u007fELF…node_register_module_v150…', 'build/Release/leftover.node': 'not an addon' });
    mkdirSync(join(temp.path, 'node_modules/some-addon/build/Release/obj.target'));
    writeFileSync(join(temp.path, 'node_modules/some-addon/build/Release/obj.target/addon.node'), 'node_register_module_v115');
    expect(wrongAbiAddons(['some-addon'], 'electron', temp.path)).toEqual([]);
    expect(wrongAbiAddons(['some-addon'], 'node', temp.path)).toEqual([expect.stringMatching(/addon\.node is built for ABI 150 \(Electron\), not 115/)]);
  });
});
