import { execFile } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packagedResourcesDir } from '../../src/main/app-paths';
import { outsideAsar } from '../../src/main/providers/tts/bundled-espeak-package';
import { startTestHost, TestClient } from '../support/host-fixture';
import { writePlaceholderElectron } from '../support/packaging/placeholder-electron';
import { ROOT_DIR } from '../support/paths';
import { makeTempDir } from '../support/temp-dir';

/**
 * Issue #13: what `electron-builder --dir` makes for Linux, checked here where no Electron
 * binary can be downloaded: a placeholder Electron distribution stands in for the real one.
 * This checks the package's layout (what the asar and the unpacked folder hold, the shipped
 * data, the fuses), not a running app: the Electron end-to-end test launches the real one
 * where a binary exists (tests/e2e-electron).
 */
const PACKAGE = JSON.parse(readFileSync(join(ROOT_DIR, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
const ELECTRON_VERSION = (JSON.parse(readFileSync(join(ROOT_DIR, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
const ELECTRON_BUILDER = join(ROOT_DIR, 'node_modules/electron-builder/cli.js');
const FUSE_ON = 49;
const FUSE_OFF = 48;

const temp = makeTempDir('packaging');
let app: string;
let resources: string;
let asarFiles: string[];
let unpacked: string[];



function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name), `${prefix}/${entry.name}`) : [`${prefix}/${entry.name}`],
  );
}

const platformPackage = `sherpa-onnx-${process.platform}-${process.arch}`;
const LLAMA_BINS = `/node_modules/@node-llama-cpp/${process.platform}-${process.arch}/bins/${process.platform}-${process.arch}`;

describe.skipIf(process.platform !== 'linux')('the Linux package (electron-builder --dir)', () => {
  beforeAll(async () => {
    console.log('packaging check: the layout electron-builder --dir makes with a placeholder Electron, not a running app');
    if (!existsSync(join(ROOT_DIR, 'out/main/index.js'))) throw new Error('The app is not built: run `npm run build` first.');
    const electronDist = join(temp.path, 'electron-dist');
    writePlaceholderElectron(electronDist, ELECTRON_VERSION);
    await promisify(execFile)(
      process.execPath,
      [ELECTRON_BUILDER, '--linux', 'dir', `--${process.arch}`, '--publish', 'never', `-c.electronDist=${electronDist}`, `-c.directories.output=${join(temp.path, 'dist')}`],
      { cwd: ROOT_DIR, maxBuffer: 32 * 1024 * 1024, env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' } },
    );
    app = join(temp.path, 'dist', process.arch === 'x64' ? 'linux-unpacked' : `linux-${process.arch}-unpacked`);
    resources = join(app, 'resources');
    asarFiles = listPackage(join(resources, 'app.asar'), { isPack: false });
    unpacked = filesUnder(join(resources, 'app.asar.unpacked'));
  }, 300_000);
  afterAll(() => temp.remove());

  it('holds the main process, the preload and the renderer in its asar', () => {
    for (const file of ['/out/main/index.js', '/out/main/host.js', '/out/preload/index.cjs', '/out/renderer/index.html', '/package.json']) {
      expect(asarFiles).toContain(file);
    }
  });

  it('unpacks the native and WebAssembly modules beside the asar, where they can load', () => {
    expect(unpacked).toContain('/node_modules/better-sqlite3/build/Release/better_sqlite3.node');
    expect(unpacked).toContain(`/node_modules/${platformPackage}/sherpa-onnx.node`);
    expect(unpacked).toContain('/node_modules/sherpa-onnx-node/package.json');
    expect(unpacked).toContain('/node_modules/@echogarden/espeak-ng-emscripten/espeak-ng.data');
    if ('node-llama-cpp' in PACKAGE.dependencies) {
      expect(unpacked).toContain(`${LLAMA_BINS}/llama-addon.node`);
      // Only this computer's: no other CPU's package, no llama.cpp source bundle.
      const llamaPackages = new Set(unpacked.flatMap((file) => /^\/node_modules\/@node-llama-cpp\/([^/]+)\//.exec(file)?.[1] ?? []));
      expect([...llamaPackages]).toEqual([`${process.platform}-${process.arch}`]);
      expect(asarFiles.filter((file) => file.endsWith('gitRelease.bundle'))).toEqual([]);
    }
    expect([...asarFiles, ...unpacked].filter((file) => /node_modules\/(@[^/]+\/)?[^/]*(cuda|vulkan)/i.test(file))).toEqual([]);
  });

  it("leaves out better-sqlite3's build leftovers: sources, intermediate files, the static library, the test extension", () => {
    const sqliteFiles = [...new Set([...asarFiles, ...unpacked])].filter((file) => file.startsWith('/node_modules/better-sqlite3/'));
    expect(sqliteFiles.filter((file) => /\/(deps|src|obj|obj\.target)\/|sqlite3\.a$|test_extension\.node$|binding\.gyp$|Makefile$/.test(file))).toEqual([]);
    expect(sqliteFiles.filter((file) => file.endsWith('.node'))).toEqual(['/node_modules/better-sqlite3/build/Release/better_sqlite3.node']);
  });

  it('ships the migrations, question banks, prompts, model catalog and prices as resources', () => {
    const data = packagedResourcesDir(resources);
    expect(readdirSync(join(data, 'migrations')).some((name) => name.endsWith('.sql'))).toBe(true);
    expect(readdirSync(join(data, 'question-banks')).length).toBeGreaterThanOrEqual(8);
    for (const file of ['prompts/interviewer.json', 'models/catalog.json', 'model-prices.json', 'interviewer/conversation.json']) {
      expect(existsSync(join(data, file)), file).toBe(true);
    }
  });

  it.skipIf(!('node-llama-cpp' in PACKAGE.dependencies))("loads node-llama-cpp's packaged CPU addon, with the libraries beside it", async () => {
    const addon = join(resources, 'app.asar.unpacked', LLAMA_BINS);
    const script = `const m = { exports: {} }; process.dlopen(m, ${JSON.stringify(join(addon, 'llama-addon.node'))}); console.log(typeof m.exports.AddonModel);`;
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', script]);
    expect(stdout.trim()).toBe('function');
  });

  it("resolves the code's packaged paths: the unpacked espeak-ng module, and the whole app on the packaged resources", async () => {
    const inAsar = join(resources, 'app.asar', 'node_modules', '@echogarden', 'espeak-ng-emscripten', 'espeak-ng.js');
    expect(existsSync(outsideAsar(inAsar))).toBe(true);
    const fixture = await startTestHost({ resourcesDir: packagedResourcesDir(resources) });
    const client = await TestClient.open(fixture.host.ws);
    try {
      expect(((await client.call('tracks.list')).result as unknown[]).length).toBeGreaterThanOrEqual(8);
      expect(((await client.call('models.list')).result as unknown[]).length).toBeGreaterThan(0);
      client.send({ type: 'start', config: { track: 'backend', mode: 'text', length: 'quick' } });
      expect(await client.next((frame) => frame.type === 'question')).toMatchObject({ phase: 'intro' });
    } finally {
      client.close();
      await fixture.stop();
    }
  });

  it('sets the release fuses: Node mode kept for the speech processes, NODE_OPTIONS and --inspect off, the asar only and checked', async () => {
    const fuses = (await getCurrentFuseWire(join(app, 'interview-practice'))) as unknown as Record<number, number>;
    expect(fuses[FuseV1Options.RunAsNode]).toBe(FUSE_ON);
    expect(fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FUSE_OFF);
    expect(fuses[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FUSE_OFF);
    expect(fuses[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FUSE_ON);
    expect(fuses[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FUSE_ON);
    expect(fuses[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FUSE_OFF);
  });
});
