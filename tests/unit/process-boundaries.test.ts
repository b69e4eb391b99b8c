import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * DESIGN.md §2 and STYLE.md §6: the folder says where code may run. These checks read the
 * sources, so a forbidden import fails the tests even before anything runs it.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)).split('\\').join('/'));
}

function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const pattern = /(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;
  return [...text.matchAll(pattern)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

const NODE_BUILTINS = new Set(
  ['fs', 'path', 'os', 'crypto', 'http', 'https', 'net', 'child_process', 'url', 'util', 'stream', 'events', 'worker_threads', 'buffer', 'process'].flatMap(
    (m) => [m, `${m}/promises`],
  ),
);
const isNodeOrElectron = (spec: string): boolean =>
  spec.startsWith('node:') || NODE_BUILTINS.has(spec) || spec === 'electron' || spec.startsWith('electron/') || spec === 'electron-store';

describe('src/shared', () => {
  const files = sourceFiles('src/shared').filter((f) => !f.endsWith('.test.ts'));

  it('has files to check', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it('imports nothing from node, electron, react or outside src/shared', () => {
    const offenders: string[] = [];
    for (const file of files) {
      for (const spec of importsOf(file)) {
        const leavesShared = spec.startsWith('.') && !join(file, '..', spec).split('\\').join('/').startsWith('src/shared');
        if (isNodeOrElectron(spec) || spec.startsWith('react') || leavesShared) offenders.push(`${file} imports ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('uses no DOM or Node globals', () => {
    const offenders: string[] = [];
    for (const file of files) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      for (const global of ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'Buffer', 'process', '__dirname', 'require']) {
        if (new RegExp(`(?<![\\w.'"\`])${global}\\s*[.[(]`).test(text)) offenders.push(`${file} uses ${global}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});

describe('src/main', () => {
  it('imports electron only in index.ts and transport/electron-*', () => {
    const offenders = sourceFiles('src/main')
      .filter((file) => importsOf(file).some((spec) => spec === 'electron' || spec.startsWith('electron/') || spec === 'electron-store'))
      .filter((file) => file !== 'src/main/index.ts' && !/^src\/main\/transport\/electron-[\w-]+\.ts$/.test(file));
    expect(offenders).toEqual([]);
  });
});

describe('src/renderer', () => {
  it('never imports node, electron or main-process code', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles('src/renderer')) {
      for (const spec of importsOf(file)) {
        if (isNodeOrElectron(spec) || spec.includes('/main/')) offenders.push(`${file} imports ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
