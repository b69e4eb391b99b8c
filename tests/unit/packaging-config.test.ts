import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT_DIR } from '../support/paths';

/**
 * Issue #13, what a new maintainer hit in electron-builder.yml and package.json before any
 * installer could be made (the targets themselves need their OS or downloads, so the layout
 * test in tests/packaging covers what can be built here).
 */
interface BuilderConfig {
  deb: { depends: string[] };
  toolsets: { appimage: string };
  mac: { target: string[]; icon: string };
  win: { target: string[]; icon: string };
  linux: { target: string[]; icon: string; executableName: string };
}
const config = parse(readFileSync(join(ROOT_DIR, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const packageJson = JSON.parse(readFileSync(join(ROOT_DIR, 'package.json'), 'utf8')) as { homepage?: string; author?: { email?: string }; desktopName?: string };

// electron-builder 26's own list for a .deb, which a `depends` of our own replaces.
const ELECTRON_BUILDER_DEB_DEPENDS = ['libgtk-3-0', 'libnotify4', 'libnss3', 'libxss1', 'libxtst6', 'xdg-utils', 'libatspi2.0-0', 'libuuid1', 'libsecret-1-0'];

describe('the packaging configuration', () => {
  it('gives the .deb what it refuses to build without: a homepage and a maintainer with an e-mail', () => {
    expect(packageJson.homepage).toMatch(/^https:\/\//);
    expect(packageJson.author?.email).toMatch(/^[^@\s]+@[^@\s]+$/);
    expect(packageJson.desktopName).toBe(`${config.linux.executableName}.desktop`);
  });

  it("depends on everything electron-builder's own list did, on ALSA for the microphone, under either t64 name", () => {
    const satisfied = (name: string): boolean => config.deb.depends.some((entry) => entry.split('|').map((alternative) => alternative.trim()).includes(name));
    for (const name of [...ELECTRON_BUILDER_DEB_DEPENDS, 'libasound2', 'libasound2t64', 'libgtk-3-0t64']) expect(satisfied(name), name).toBe(true);
  });

  it('builds the AppImage on the static runtime, which needs no libfuse2', () => {
    expect(config.toolsets.appimage).not.toBe('0.0.0');
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
  });

  it('makes a dmg and a zip on macOS, an NSIS installer on Windows, each with its icon', () => {
    expect(config.mac).toMatchObject({ target: ['dmg', 'zip'], icon: 'build/icon.icns' });
    expect(config.win).toMatchObject({ target: ['nsis'], icon: 'build/icon.ico' });
    expect(config.linux.icon).toBe('build/icons');
  });
});
