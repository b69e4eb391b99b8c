/**
 * A file name that is valid on Windows, macOS and Linux alike (issue #11): no characters any of
 * them forbids or reads specially (< > : " / \ | ? * and control characters), no reserved
 * Windows device name (CON, NUL, COM1…, with or without an extension), no dot or space at the
 * end, no leading dot (a hidden file), and short enough for every file system once a browser
 * adds " (1)".
 */
// Control characters are exactly what this must find.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001F\u007F\u202A-\u202E\u2066-\u2069]/g;
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
/** In UTF-16 units; a name of 100 such units stays under 255 bytes in UTF-8 only if mostly ASCII, so bytes are checked too. */
const MAX_STEM_CHARS = 100;
const MAX_NAME_BYTES = 200;

export function safeFileName(stem: string, extension: string): string {
  let safe = stem.normalize('NFC').replace(FORBIDDEN, ' ').replace(/\s+/g, ' ').trim().replace(/^[.\s]+/, '');
  safe = truncate(safe, MAX_STEM_CHARS, MAX_NAME_BYTES - extension.length - 1).replace(/[.\s]+$/, '');
  if (safe === '' || RESERVED.test(safe.split('.')[0]!.trim())) safe = `Interview ${safe}`.trim();
  return `${safe}.${extension}`;
}

/** Cut at whole characters (never half a surrogate pair) within both limits. */
function truncate(text: string, maxChars: number, maxBytes: number): string {
  let out = '';
  let bytes = 0;
  for (const char of text) {
    const size = Buffer.byteLength(char, 'utf8');
    if (out.length + char.length > maxChars || bytes + size > maxBytes) break;
    out += char;
    bytes += size;
  }
  return out;
}

/** "2026-03-14 09-30" in local time: sortable, and with no colon unless asked for one (spreadsheets). */
export function localDateTime(iso: string, timeSeparator: '-' | ':' = '-'): string {
  const date = new Date(iso);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}${timeSeparator}${two(date.getMinutes())}`;
}
