import type { AppMode, PublicSettings } from '../../shared/protocol';

/**
 * What "Copy diagnostics" in Settings puts on the clipboard for a problem report (issue #13):
 * versions, the providers chosen, where the data is, and the last log lines. It must be safe
 * to paste anywhere, so it is built from an allowlist rather than by removing what is known
 * to be sensitive: of each log line only its time, level, event and values shaped like codes,
 * ids and numbers are kept (an error keeps its class, not its message); settings give the
 * provider names and whether a key is stored, never a key, a base URL or anything typed.
 * Answer text and keys therefore cannot appear, whatever a future log line carries.
 */
export interface DiagnosticsFacts {
  appVersion: string;
  mode: AppMode;
  /** process.versions: node everywhere, electron and chrome in the app. */
  versions: Partial<Record<string, string>>;
  os: string;
  dataDir: string;
  home: string;
  settings: PublicSettings;
  logLines: string[];
}

const MODE_NAMES: Record<AppMode, string> = { 'desktop-app': 'desktop app', 'browser-mode': 'browser mode' };
const OMITTED = '…';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CODE = /^[A-Za-z0-9_.:@+-]{1,40}$/;
const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

/** A code, an id, a version or a model name: kept. Free text, paths, URLs and anything key-like: not. */
function safeValue(value: string): string {
  if (UUID.test(value)) return value;
  if (!CODE.test(value) || /^sk-/i.test(value)) return OMITTED;
  // Long runs of letters and digits together are how keys and tokens look.
  const keyLike = value.length >= 20 && /[A-Za-z]/.test(value) && /\d/.test(value);
  return keyLike ? OMITTED : value;
}

/** One log line made safe to share, or undefined when it is not one of the logger's lines. */
export function safeLogLine(line: string): string | undefined {
  let entry: unknown;
  try {
    entry = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof entry !== 'object' || entry === null) return undefined;
  const { time, level, event, ...fields } = entry as Record<string, unknown>;
  if (typeof time !== 'string' || typeof level !== 'string' || typeof event !== 'string') return undefined;
  const parts = [ISO_TIME.test(time) ? time : OMITTED, safeValue(level), safeValue(event)];
  for (const [key, value] of Object.entries(fields)) {
    if (!CODE.test(key)) continue;
    if (typeof value === 'number' || typeof value === 'boolean' || value === null) parts.push(`${key}=${String(value)}`);
    else if (typeof value === 'string') parts.push(`${key}=${key === 'error' ? safeValue(value.split(':')[0]!.trim()) : safeValue(value)}`);
  }
  return parts.join(' ');
}

const withModel = (provider: string, model: string | undefined): string => (model ? `${provider} (${safeValue(model)})` : provider);

export function diagnosticsText(facts: DiagnosticsFacts): string {
  const { settings, versions } = facts;
  const runtime = ['electron', 'chrome', 'node'].filter((name) => versions[name]).map((name) => `${name} ${safeValue(versions[name]!)}`);
  const keys = Object.entries(settings.secrets).map(([name, status]) => `${name} ${status.hasKey ? 'stored' : 'none'}`);
  const dataDir = facts.home && facts.dataDir.startsWith(facts.home) ? `~${facts.dataDir.slice(facts.home.length)}` : facts.dataDir;
  const logLines = facts.logLines.map(safeLogLine).filter((line): line is string => line !== undefined);
  return [
    `Interview Practice ${safeValue(facts.appVersion)} (${MODE_NAMES[facts.mode]})`,
    `Runtime: ${runtime.join(', ')}`,
    `System: ${facts.os}`,
    `Data folder: ${dataDir}`,
    `Interviewer: ${withModel(settings.interviewer.provider, settings.interviewer.model)}`,
    `Speech recognition: ${withModel(settings.speechToText.provider, settings.speechToText.model)}`,
    `Interviewer's voice: ${withModel(settings.textToSpeech.provider, settings.textToSpeech.voice)}`,
    `API keys: ${keys.join(', ')} (storage: ${settings.keyStorage.kind})`,
    '',
    `Last ${logLines.length} log lines (events only; no answers, keys or messages):`,
    ...logLines,
  ].join('\n');
}
