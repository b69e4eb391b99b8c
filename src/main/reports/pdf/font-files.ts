import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * The fonts a PDF report is set in (docs/decisions.md, issue #11). Noto Sans regular and bold
 * and the monochrome Noto Emoji ship with the app (npm packages, SIL Open Font License 1.1);
 * Chinese, Japanese and Korean come from a font the operating system already has, because a
 * CJK font is 15–20 MB and every desktop OS has one. A last, broad font of the OS (DejaVu Sans,
 * Segoe UI Symbol, Arial Unicode) catches symbols none of them has.
 */
export interface FontFile {
  path: string;
  /** For font collections (.ttc): the face to use, by PostScript name; the first when absent. */
  face?: string;
}

// Not named `require`: the bundle is one ES module, where that name is already taken.
const requireHere = createRequire(import.meta.url);

export const bundledFonts = () => ({
  regular: { path: requireHere.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf') },
  bold: { path: requireHere.resolve('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf') },
  emoji: { path: requireHere.resolve('@expo-google-fonts/noto-emoji/400Regular/NotoEmoji_400Regular.ttf') },
});

const windowsFonts = (): string => join(process.env.WINDIR ?? 'C:\\Windows', 'Fonts');

/** Where each OS keeps a CJK font, best first; Simplified Chinese faces preferred in collections. */
function cjkCandidates(): FontFile[] {
  if (process.platform === 'win32') {
    const dir = windowsFonts();
    return [
      { path: join(dir, 'msyh.ttc'), face: 'MicrosoftYaHei' },
      { path: join(dir, 'msyh.ttf') },
      { path: join(dir, 'simsun.ttc'), face: 'SimSun' },
      { path: join(dir, 'YuGothR.ttc') },
      { path: join(dir, 'msgothic.ttc') },
      { path: join(dir, 'malgun.ttf') },
    ];
  }
  if (process.platform === 'darwin') {
    return [
      { path: '/System/Library/Fonts/Hiragino Sans GB.ttc' },
      { path: '/System/Library/Fonts/STHeiti Light.ttc' },
      { path: '/System/Library/Fonts/PingFang.ttc', face: 'PingFangSC-Regular' },
      { path: '/System/Library/Fonts/Supplemental/Arial Unicode.ttf' },
      { path: '/Library/Fonts/Arial Unicode.ttf' },
    ];
  }
  const noto = 'NotoSansCJKsc-Regular';
  return [
    { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', face: noto },
    { path: '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', face: noto },
    { path: '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc', face: noto },
    { path: '/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf' },
    { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc' },
    { path: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc' },
    { path: '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf' },
    { path: '/usr/share/fonts/truetype/arphic/uming.ttc' },
    ...linuxFontsNamed(/(cjk|wqy|droidsansfallback|sourcehan)/i),
  ];
}

function symbolCandidates(): FontFile[] {
  if (process.platform === 'win32') return [{ path: join(windowsFonts(), 'seguisym.ttf') }];
  if (process.platform === 'darwin') return [{ path: '/System/Library/Fonts/Apple Symbols.ttf' }, { path: '/System/Library/Fonts/Supplemental/Arial Unicode.ttf' }];
  return [{ path: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf' }, ...linuxFontsNamed(/^DejaVuSans\.ttf$/)];
}

/** Fonts installed in a place the list above does not know (other distributions), found by name. */
function linuxFontsNamed(name: RegExp): FontFile[] {
  const found: FontFile[] = [];
  const visit = (dir: string, depth: number): void => {
    if (depth > 4 || found.length >= 4) return;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path, depth + 1);
      else if (/\.(ttf|otf|ttc)$/i.test(entry.name) && name.test(entry.name)) found.push({ path });
    }
  };
  for (const root of ['/usr/share/fonts', '/usr/local/share/fonts']) visit(root, 0);
  return found;
}

const firstExisting = (candidates: FontFile[]): FontFile[] => candidates.filter((candidate) => existsSync(candidate.path));

/** The OS fonts to fall back on, in order: CJK first, then broad symbol fonts. */
export const systemFallbackFonts = (): FontFile[] => [...firstExisting(cjkCandidates()), ...firstExisting(symbolCandidates())];
