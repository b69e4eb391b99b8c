// Which runtime a native addon was built for, read from the file itself: an addon built
// against V8's API exports `node_register_module_v<ABI>` (115 is Node 20, 150 Electron 45),
// one built on Node-API exports `napi_register_module_v1` and loads in either. This is how
// the rebuild scripts prove what they built (issue #13: an npm `nodedir` setting made
// `electron-rebuild` build for Node while it reported success).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';

const require = createRequire(import.meta.url);

/** 'napi', a number (the V8 ABI), or undefined when the file is no Node addon. */
export function addonAbi(path) {
  const text = readFileSync(path).toString('latin1');
  const v8 = /node_register_module_v(\d+)/.exec(text);
  if (v8) return Number(v8[1]);
  return text.includes('napi_register_module_v') ? 'napi' : undefined;
}

/** The ABI a runtime loads: this Node's, or the installed Electron's. */
export function runtimeAbi(runtime) {
  if (runtime === 'node') return Number(process.versions.modules);
  const electronDir = dirname(require.resolve('electron/package.json'));
  const { version } = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8'));
  try {
    return Number(readFileSync(join(electronDir, 'abi_version'), 'utf8').trim());
  } catch {
    return Number(require('node-abi').getAbi(version, 'electron'));
  }
}

// node-gyp's intermediate files: a copy of the addon that is never loaded (nor shipped).
const BUILD_INTERMEDIATES = new Set(['obj', 'obj.target', 'deps']);

/** Every `.node` file in a package's folder that could be loaded. */
export function addonFiles(packageDir) {
  const found = [];
  const visit = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (!BUILD_INTERMEDIATES.has(name)) visit(path);
      }
      else if (name.endsWith('.node')) found.push(path);
    }
  };
  visit(packageDir);
  return found;
}

/**
 * The addons of `packages` not built for `runtime`, each as a sentence; an empty list when
 * all load there. Files that are no Node addon (better-sqlite3's SQLite test extension) pass.
 */
export function wrongAbiAddons(packages, runtime, root = process.cwd()) {
  const wanted = runtimeAbi(runtime);
  const problems = [];
  for (const name of packages) {
    const packageDir = dirname(require.resolve(`${name}/package.json`, { paths: [root] }));
    const files = addonFiles(packageDir);
    if (!files.some((file) => addonAbi(file) !== undefined)) problems.push(`${name} has no built addon (a rebuild failed or never ran).`);
    for (const file of files) {
      const abi = addonAbi(file);
      if (typeof abi === 'number' && abi !== wanted) {
        problems.push(`${relative(root, file)} is built for ABI ${abi} (${abiName(abi)}), not ${wanted} (${runtime === 'node' ? `Node ${process.versions.node}` : 'Electron'}).`);
      }
    }
  }
  return problems;
}

const abiName = (abi) => (abi === Number(process.versions.modules) ? `this Node, ${process.versions.node}` : abi === safeElectronAbi() ? 'Electron' : 'another runtime');

function safeElectronAbi() {
  try {
    return runtimeAbi('electron');
  } catch {
    return undefined;
  }
}

/** The modules built against V8's ABI; sherpa-onnx is on Node-API and loads in both runtimes. */
export const NATIVE_PACKAGES = ['better-sqlite3'];

/**
 * The environment for building against Electron's headers. An npm `nodedir` (Debian sets
 * one for its own Node's headers) wins over node-gyp's `--target`, so without this the
 * "Electron" build was made for Node.
 */
export function electronBuildEnv(env) {
  return Object.fromEntries(Object.entries(env).filter(([key]) => key.toLowerCase() !== 'npm_config_nodedir'));
}
