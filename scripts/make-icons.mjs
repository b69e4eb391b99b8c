// `npm run icons`: every icon the installers need, drawn from build/icon.svg (issue #13).
// The outputs are committed, so packaging needs nothing but electron-builder; a test
// (tests/unit/icons.test.ts) draws them again and fails when they no longer match the SVG.
//   build/icons/<n>x<n>.png  Linux (the .deb and the AppImage take the sizes they need)
//   build/icon.png           1024 px, what electron-builder falls back on
//   build/icon.icns          macOS
//   build/icon.ico           Windows (PNG-compressed sizes up to 256 px)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import png2icons from 'png2icons';

const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

/** The SVG as a square PNG `size` pixels wide. */
export function drawPng(svg, size) {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size }, background: 'rgba(0,0,0,0)' }).render().asPng();
}

/** Every icon file, as { relative path: bytes }, from the SVG's text. */
export function makeIcons(svg) {
  const files = {};
  for (const size of LINUX_SIZES) files[`icons/${size}x${size}.png`] = drawPng(svg, size);
  const large = files['icons/1024x1024.png'];
  files['icon.png'] = large;
  files['icon.icns'] = png2icons.createICNS(large, png2icons.BICUBIC2, 0);
  files['icon.ico'] = png2icons.createICO(large, png2icons.BICUBIC2, 0, true, true);
  return files;
}

export const BUILD_DIR = fileURLToPath(new URL('../build', import.meta.url));

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const files = makeIcons(readFileSync(join(BUILD_DIR, 'icon.svg'), 'utf8'));
  mkdirSync(join(BUILD_DIR, 'icons'), { recursive: true });
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(BUILD_DIR, name), bytes);
  console.log(`wrote ${Object.keys(files).length} icons in build/`);
}
